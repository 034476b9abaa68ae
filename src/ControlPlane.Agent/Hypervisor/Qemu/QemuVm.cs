using ControlPlane.Contracts;

namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>
/// The agent's handle on one VM: its files, current spec and state file, the QEMU pid and QMP
/// connection while it runs, and the last CPU sample. Operations on one VM take <see cref="Lock"/>.
/// </summary>
internal sealed class QemuVm(Guid id, VmPaths paths, DesiredVm spec, VmStateFile state) : IAsyncDisposable
{
    public Guid Id { get; } = id;
    public VmPaths Paths { get; } = paths;
    public SemaphoreSlim Lock { get; } = new(1, 1);
    public DesiredVm Spec { get; private set; } = spec;
    public VmStateFile State { get; private set; } = state;
    public int? Pid { get; set; }
    public QmpClient? Qmp { get; set; }

    /// <summary>Set when QEMU reported SHUTDOWN: the process ends cleanly, not by a crash.</summary>
    public bool ShutdownSeen { get; set; }

    public (long Ticks, long At)? LastCpuSample { get; set; }

    /// <summary>The last dirty-page rate QEMU measured (calc-dirty-rate, page sampling), in bytes per second.</summary>
    public long? DirtyRateBytesPerSec { get; set; }

    public bool ProcessAlive => Pid is { } pid && ProcFs.IsOurs(pid, Id.ToString());

    public void Save(DesiredVm spec)
    {
        Spec = spec;
        SpecFile.Save(Paths.SpecFile, spec);
    }

    public void Save(VmStateFile state)
    {
        State = state;
        state.Save(Paths.StateFile);
    }

    public async Task DisconnectAsync()
    {
        if (Qmp is { } qmp)
        {
            Qmp = null;
            await qmp.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        Lock.Dispose();
    }
}
