namespace ControlPlane.Agent.Configuration;

/// <summary>The capacity the simulated hypervisor claims (<c>Agent:Simulated</c>).</summary>
internal sealed record SimulatedOptions
{
    public int CpuCores { get; init; } = 16;
    public int MemoryMiB { get; init; } = 65536;
    public string CpuModel { get; init; } = "Skylake-Server";
}
