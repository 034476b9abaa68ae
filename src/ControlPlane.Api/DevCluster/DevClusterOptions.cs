namespace ControlPlane.Api.DevCluster;

/// <summary>Section DevCluster: agents the control plane starts beside itself for a zero-setup cluster.</summary>
internal sealed class DevClusterOptions
{
    public const string QemuDriver = "qemu";

    /// <summary>How many agent processes to start; 0 turns the dev cluster off.</summary>
    public int Agents { get; set; }

    /// <summary>
    /// Hypervisor driver of the agents: simulated (default: agent processes on loopback), or qemu (agents with
    /// the qemu and ovs drivers inside test hosts made by scripts/testhosts.sh, running real guests).
    /// </summary>
    public string Driver { get; set; } = "simulated";

    /// <summary>Agents listen on 127.0.0.1 from this port up.</summary>
    public int AgentBasePort { get; set; } = 5181;

    public int CpuCores { get; set; } = 16;
    public int MemoryMiB { get; set; } = 65536;

    /// <summary>The control plane URL agents report to; empty means the first URL this process listens on.</summary>
    public string? ControlPlaneUrl { get; set; }

    /// <summary>Path of ControlPlane.Agent.dll; empty means the agent built beside this project.</summary>
    public string? AgentPath { get; set; }

    /// <summary>qemu: namespace prefix of the test hosts (PREFIX-h1..N); another prefix lets two dev clusters coexist.</summary>
    public string TestHostPrefix { get; set; } = "cpdev";

    /// <summary>
    /// qemu: folder of the test hosts, the agents' data (vms/&lt;id&gt;/serial.log) and the control plane's unix
    /// socket; empty means /tmp/PREFIX (short, as QMP socket paths below it must stay under 108 characters).
    /// </summary>
    public string? TestHostsDir { get; set; }

    /// <summary>qemu: path of scripts/testhosts.sh; empty means the one in this repository.</summary>
    public string? TestHostsScript { get; set; }

    public bool UsesTestHosts => Agents > 0 && string.Equals(Driver, QemuDriver, StringComparison.OrdinalIgnoreCase);

    public string TestHostsPath =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(TestHostsDir) ? Path.Combine(Path.GetTempPath(), TestHostPrefix) : TestHostsDir);

    /// <summary>Where the control plane also listens when the agents run in test hosts (the filesystem crosses namespaces).</summary>
    public string ControlPlaneSocket => Path.Combine(TestHostsPath, "cp.sock");
}
