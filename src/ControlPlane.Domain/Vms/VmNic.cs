using ControlPlane.Domain.Common;

namespace ControlPlane.Domain.Vms;

/// <summary>A virtual NIC: access mode on one VLAN, or trunk mode with a native VLAN and tagged ones.</summary>
public sealed class VmNic
{
    private VmNic() { }

    public VmNic(Guid id, SubnetId? subnetId, VlanMode vlanMode, int vlanId, IReadOnlyList<int> trunkedVlans, string macAddress, string? ipAddress)
    {
        Id = id;
        SubnetId = subnetId;
        VlanMode = vlanMode;
        VlanId = vlanId;
        TrunkedVlans = [.. trunkedVlans];
        MacAddress = macAddress;
        IpAddress = ipAddress;
    }

    public Guid Id { get; private set; }
    public SubnetId? SubnetId { get; private set; }
    public VlanMode VlanMode { get; private set; }
    public int VlanId { get; private set; }
    public List<int> TrunkedVlans { get; private set; } = [];
    public string MacAddress { get; private set; } = "";
    public string? IpAddress { get; private set; }
}
