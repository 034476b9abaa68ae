namespace ControlPlane.Contracts;

/// <summary>A VM NIC: a tap port on the host bridge, in access mode (one VLAN) or trunk mode.</summary>
public sealed record DesiredNic
{
    public required Guid Id { get; init; }
    public required string MacAddress { get; init; }
    public VlanMode VlanMode { get; init; } = VlanMode.Access;

    /// <summary>Access VLAN, or the untagged native VLAN of a trunk. 0 means untagged.</summary>
    public int VlanId { get; init; }

    /// <summary>Trunk mode only: the tagged VLANs carried besides the native one.</summary>
    public IReadOnlyList<int> TrunkedVlans { get; init; } = [];

    /// <summary>Address in CIDR form handed to the guest (static, or reserved for DHCP), if any.</summary>
    public string? IpAddress { get; init; }
    public string? Gateway { get; init; }
}
