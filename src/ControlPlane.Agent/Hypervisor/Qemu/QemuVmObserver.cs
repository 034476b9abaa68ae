using System.Diagnostics;
using System.Text.Json.Nodes;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>Turns a VM handle into a <see cref="VmActual"/>: process liveness, intent, QMP status, CPU and memory.</summary>
internal sealed class QemuVmObserver(QemuProcess process, ILogger logger)
{
    /// <summary>Observes under the VM's lock; while an operation holds it, reports from the process alone.</summary>
    public async Task<VmActual> ObserveLockedAsync(QemuVm vm, CancellationToken ct)
    {
        if (!await vm.Lock.WaitAsync(TimeSpan.FromMilliseconds(200), ct))
        {
            var alive = vm.ProcessAlive;
            return new VmActual
            {
                Id = vm.Id,
                State = alive ? ObservedVmState.Running : ObservedVmState.Stopping,
                Spec = vm.Spec,
                NicIds = [.. vm.Spec.Nics.Select(n => n.Id)],
                DiskIds = [.. vm.Spec.Disks.Select(d => d.Id)],
                ProcessId = alive ? vm.Pid : null,
            };
        }

        try
        {
            return await ObserveAsync(vm, ct);
        }
        finally
        {
            vm.Lock.Release();
        }
    }

    private async Task<VmActual> ObserveAsync(QemuVm vm, CancellationToken ct)
    {
        var spec = vm.Spec;
        var actual = new VmActual
        {
            Id = vm.Id,
            State = ObservedVmState.Stopped,
            Spec = spec,
            NicIds = [.. spec.Nics.Select(n => n.Id)],
            DiskIds = [.. spec.Disks.Select(d => d.Id)],
        };
        if (vm.Pid is not { } pid || !vm.ProcessAlive)
        {
            if (vm.Pid is { } gone)
            {
                QemuLog.ProcessGone(logger, vm.Id, gone, vm.State.Intent);
                vm.Pid = null;
                await vm.DisconnectAsync();
                if (vm.ShutdownSeen && vm.State.Intent == VmIntent.Running)
                {
                    vm.Save(vm.State with { Intent = VmIntent.Stopped });
                }
            }

            var crashed = vm.State.Intent == VmIntent.Running && !vm.ShutdownSeen;
            return actual with { State = crashed ? ObservedVmState.Crashed : ObservedVmState.Stopped };
        }

        var state = ObservedVmState.Running;
        try
        {
            var qmp = await process.QmpAsync(vm, ct);
            var status = await qmp.ExecuteAsync("query-status", ct);
            state = MapStatus(status.GetProperty("status").GetString());
            if (state == ObservedVmState.Running)
            {
                await SampleDirtyRateAsync(vm, qmp, ct);
            }
        }
        catch (QmpException e)
        {
            QemuLog.QmpUnavailable(logger, vm.Id, e.Message);
            state = vm.ProcessAlive ? ObservedVmState.Failed : ObservedVmState.Stopped;
        }

        return actual with
        {
            State = state,
            ProcessId = pid,
            CpuPercent = SampleCpu(vm, pid),
            MemoryUsedMiB = ProcFs.RssMiB(pid),
            DirtyRateBytesPerSec = vm.DirtyRateBytesPerSec,
        };
    }

    private static ObservedVmState MapStatus(string? status) => status switch
    {
        "running" => ObservedVmState.Running,
        "paused" or "suspended" or "postmigrate" or "finish-migrate" or "debug" or "save-vm" => ObservedVmState.Paused,
        "prelaunch" or "inmigrate" or "restore-vm" => ObservedVmState.Starting,
        "shutdown" => ObservedVmState.Stopping,
        "internal-error" or "io-error" or "guest-panicked" => ObservedVmState.Failed,
        _ => ObservedVmState.Running,
    };

    /// <summary>
    /// Reads the last dirty-rate measurement and starts the next one (one second of page sampling, cheap),
    /// so each observation reports the rate measured since the one before.
    /// </summary>
    private static async Task SampleDirtyRateAsync(QemuVm vm, QmpClient qmp, CancellationToken ct)
    {
        try
        {
            var result = await qmp.ExecuteAsync("query-dirty-rate", ct);
            var status = result.GetProperty("status").GetString();
            if (status == "measured" && result.TryGetProperty("dirty-rate", out var mib))
            {
                vm.DirtyRateBytesPerSec = mib.GetInt64() * 1024 * 1024;
            }

            if (status != "measuring")
            {
                await qmp.ExecuteAsync("calc-dirty-rate", new JsonObject { ["calc-time"] = 1 }, ct);
            }
        }
        catch (QmpException)
        {
            // Not every QEMU or state (an incoming migration, say) can measure; the rate stays unknown.
        }
    }

    /// <summary>QEMU's CPU time since the last sample, as a percentage of the VM's vCPUs.</summary>
    private static double SampleCpu(QemuVm vm, int pid)
    {
        if (ProcFs.CpuTicks(pid) is not { } ticks)
        {
            return 0;
        }

        var now = Stopwatch.GetTimestamp();
        var last = vm.LastCpuSample;
        vm.LastCpuSample = (ticks, now);
        if (last is not { } l || now <= l.At)
        {
            return 0;
        }

        var seconds = (double)(now - l.At) / Stopwatch.Frequency;
        var percent = 100.0 * (ticks - l.Ticks) / ProcFs.TicksPerSecond / seconds / Math.Max(1, vm.Spec.Vcpus);
        return Math.Clamp(percent, 0, 100);
    }
}
