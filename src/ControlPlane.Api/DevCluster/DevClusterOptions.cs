namespace ControlPlane.Api.DevCluster;

/// <summary>Section DevCluster: agents the control plane starts beside itself for a zero-setup cluster.</summary>
internal sealed class DevClusterOptions
{
    /// <summary>How many agent processes to start; 0 turns the dev cluster off.</summary>
    public int Agents { get; set; }

    /// <summary>Hypervisor driver of the agents: simulated (default) or qemu.</summary>
    public string Driver { get; set; } = "simulated";

    /// <summary>Agents listen on 127.0.0.1 from this port up.</summary>
    public int AgentBasePort { get; set; } = 5181;

    public int CpuCores { get; set; } = 16;
    public int MemoryMiB { get; set; } = 65536;

    /// <summary>The control plane URL agents report to; empty means the first URL this process listens on.</summary>
    public string? ControlPlaneUrl { get; set; }

    /// <summary>Path of ControlPlane.Agent.dll; empty means the agent built beside this project.</summary>
    public string? AgentPath { get; set; }
}
