namespace ControlPlane.Agent.Network;

/// <summary>
/// Tap device names derive from the NIC id, so the network driver and the hypervisor agree on them
/// without talking, and creating a port twice collides instead of duplicating. Linux allows 15 characters.
/// </summary>
internal static class TapNames
{
    public static string For(Guid nicId) => "tap" + nicId.ToString("N")[..12];
}
