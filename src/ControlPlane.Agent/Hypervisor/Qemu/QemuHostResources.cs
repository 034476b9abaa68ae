using ControlPlane.Contracts;

namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>What the host offers (configured, or the machine's cores and memory) and how busy it is, from /proc.</summary>
internal sealed class QemuHostResources(QemuOptions options)
{
    private readonly Lock _lock = new();
    private (long Busy, long Total)? _lastCpu;

    public HostCapacity Capacity => new()
    {
        CpuCores = options.CpuCores ?? Environment.ProcessorCount,
        MemoryMiB = options.MemoryMiB ?? ProcFs.Memory().TotalMiB,
        CpuModel = options.CpuModel,
    };

    /// <summary>CPU use since the previous call (0 on the first) and memory in use now.</summary>
    public HostUsage Usage()
    {
        var now = ProcFs.HostCpuTicks();
        double cpu;
        lock (_lock)
        {
            cpu = _lastCpu is { } last && now.Total > last.Total
                ? 100.0 * (now.Busy - last.Busy) / (now.Total - last.Total)
                : 0;
            _lastCpu = now;
        }

        var (total, available) = ProcFs.Memory();
        return new HostUsage { CpuPercent = Math.Clamp(cpu, 0, 100), MemoryUsedMiB = total - available };
    }
}
