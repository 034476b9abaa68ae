using System.Globalization;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Network.Ovs;

/// <summary>
/// The Port columns that put a NIC in its VLANs. Access: <c>tag=&lt;vlan&gt;</c> (0 = untagged).
/// Trunk: <c>vlan_mode=native-untagged</c> with the native VLAN as <c>tag</c> and <c>trunks</c> listing
/// it and the tagged VLANs, so untagged guest frames land on the native VLAN.
/// </summary>
internal static class PortVlanSettings
{
    public static IReadOnlyList<string> For(DesiredNic nic)
    {
        var tag = nic.VlanId.ToString(CultureInfo.InvariantCulture);
        if (nic.VlanMode == VlanMode.Access)
        {
            return ["vlan_mode=access", "tag=" + tag, "trunks=[]"];
        }

        var trunks = new SortedSet<int>(nic.TrunkedVlans) { nic.VlanId };
        return ["vlan_mode=native-untagged", "tag=" + tag, "trunks=" + string.Join(',', trunks)];
    }

    public static string Describe(DesiredNic nic) => string.Join(' ', For(nic));
}
