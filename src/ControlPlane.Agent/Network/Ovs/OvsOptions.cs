namespace ControlPlane.Agent.Network.Ovs;

/// <summary>Settings of the ovs network driver, bound from <c>Agent:Ovs</c> (the data folder from <c>Agent:DataDir</c>).</summary>
internal sealed class OvsOptions
{
    public const string Section = "Agent:Ovs";

    /// <summary>The agent's data folder; the OVS database, sockets, pidfiles and logs go to <c>DataDir/ovs</c>.</summary>
    public string DataDir { get; set; } = "data/agent";

    /// <summary>Comma-separated host interfaces bonded into <c>br0-up</c> (one: a plain port; none: no uplink).</summary>
    public string Uplinks { get; set; } = "eth1,eth2";

    /// <summary>The host's own address (CIDR) on the bridge's internal port, untagged; empty leaves it alone.</summary>
    public string? HostAddress { get; set; }

    /// <summary>Run OVS daemons and ip commands in this network namespace; empty when the agent already runs inside it.</summary>
    public string? NetworkNamespace { get; set; }

    /// <summary>Start ovsdb-server and ovs-vswitchd (under DataDir/ovs) when they are not running.</summary>
    public bool StartDaemons { get; set; } = true;

    public string Schema { get; set; } = "/usr/share/openvswitch/vswitch.ovsschema";

    public string OvsDirectory => Path.Combine(Path.GetFullPath(DataDir), "ovs");
}
