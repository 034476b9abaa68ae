namespace ControlPlane.Contracts;

/// <summary>The host's virtual switch: bridge br0 and its uplink bond br0-up.</summary>
public sealed record HostNetworkSpec
{
    public string BridgeName { get; init; } = "br0";
    public string BondName { get; init; } = "br0-up";
    public BondMode BondMode { get; init; } = BondMode.ActiveBackup;
    public int Mtu { get; init; } = 1500;
}
