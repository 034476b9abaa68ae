using System.Text.Json.Serialization;
using ControlPlane.Domain.Vms;

namespace ControlPlane.Application.Vms;

/// <summary>A NIC in a create request: on a subnet (its VLAN), or directly on a VLAN; access or trunk.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record NicRequest
{
    public Guid? SubnetId { get; init; }
    public VlanMode VlanMode { get; init; } = VlanMode.Access;

    /// <summary>Access VLAN, or a trunk's native VLAN, when no subnet is named.</summary>
    public int? VlanId { get; init; }
    public IReadOnlyList<int>? TrunkedVlans { get; init; }

    /// <summary>A static address in CIDR form (e.g. 10.0.100.11/24) handed to the guest.</summary>
    public string? IpAddress { get; init; }
    public string? MacAddress { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DiskRequest
{
    public int? SizeGiB { get; init; }
    public Guid? ImageId { get; init; }
}
