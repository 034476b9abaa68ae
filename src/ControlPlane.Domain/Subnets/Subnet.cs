using ControlPlane.Domain.Common;

namespace ControlPlane.Domain.Subnets;

public enum SubnetType { Vlan, Overlay }

/// <summary>A layer-2 network VM NICs attach to. IPAM (address pools, DHCP) builds on it later.</summary>
public sealed class Subnet
{
    private Subnet() { }

    public Subnet(SubnetId id, string name, SubnetType type, int vlanId)
    {
        Id = id;
        Name = name;
        SubnetType = type;
        VlanId = vlanId;
    }

    public SubnetId Id { get; private set; }
    public string Name { get; private set; } = "";
    public SubnetType SubnetType { get; private set; }
    public int VlanId { get; private set; }
    public long Version { get; private set; }
}
