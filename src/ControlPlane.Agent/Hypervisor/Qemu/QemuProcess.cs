using System.Diagnostics;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>
/// One VM's QEMU process: launches it daemonized, connects its QMP socket (events become reconcile
/// hints), stops it (QMP quit, then a kill of our own pid only), and waits for it to exit.
/// </summary>
internal sealed class QemuProcess(QemuOptions options, CommandRunner runner, ILogger logger, Action<Guid, string> notify)
{
    private static readonly TimeSpan QmpConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Starts QEMU for a defined, stopped VM: boot NICs then disks on the first root ports, the rest free for hot-plug.</summary>
    public async Task LaunchAsync(QemuVm vm, DesiredVm spec, CancellationToken ct)
    {
        var slots = new Dictionary<Guid, int>();
        foreach (var device in spec.Nics.Select(n => n.Id).Concat(spec.Disks.Select(d => d.Id)))
        {
            slots[device] = slots.Count;
        }

        vm.Save(new VmStateFile { Intent = VmIntent.Running, PortCount = slots.Count + Math.Max(0, options.HotplugPorts), Slots = slots });
        File.Delete(vm.Paths.PidFile);
        File.Delete(vm.Paths.QmpSocket);
        vm.ShutdownSeen = false;
        vm.LastCpuSample = null;
        vm.DirtyRateBytesPerSec = null;
        await runner.RunAsync(options.Binary, QemuCommandLine.Build(spec, options, vm.Paths, vm.State), ct, timeout: TimeSpan.FromSeconds(60));
        vm.Pid = ProcFs.ReadPidFile(vm.Paths.PidFile) ?? throw new InvalidOperationException($"qemu for VM {vm.Id} wrote no pidfile");
        await ConnectAsync(vm, ct);
        QemuLog.Started(logger, vm.Id, vm.Pid.Value);
    }

    public async Task StopAsync(QemuVm vm, CancellationToken ct)
    {
        if (vm.State.Intent != VmIntent.Stopped && Directory.Exists(vm.Paths.Directory))
        {
            vm.Save(vm.State with { Intent = VmIntent.Stopped });
        }

        if (vm.Pid is not { } pid || !vm.ProcessAlive)
        {
            await vm.DisconnectAsync();
            return;
        }

        try
        {
            var qmp = await QmpAsync(vm, ct);
            await qmp.ExecuteAsync("quit", ct);
        }
        catch (QmpException e)
        {
            QemuLog.QmpUnavailable(logger, vm.Id, e.Message);
        }

        if (!await WaitForExitAsync(vm, options.StopTimeout, ct) && ProcFs.IsOurs(pid, vm.Id.ToString()))
        {
            QemuLog.Killing(logger, vm.Id, pid);
            using var process = Process.GetProcessById(pid);
            process.Kill();
            await WaitForExitAsync(vm, TimeSpan.FromSeconds(5), ct);
        }

        await vm.DisconnectAsync();
        File.Delete(vm.Paths.PidFile);
        QemuLog.Stopped(logger, vm.Id, pid);
    }

    public static async Task<bool> WaitForExitAsync(QemuVm vm, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (vm.ProcessAlive)
        {
            if (deadline.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50, ct);
        }

        return true;
    }

    public async Task<QmpClient> QmpAsync(QemuVm vm, CancellationToken ct)
    {
        if (vm.Qmp is { IsConnected: true } qmp)
        {
            return qmp;
        }

        await ConnectAsync(vm, ct);
        return vm.Qmp!;
    }

    public async Task<bool> TryConnectAsync(QemuVm vm, CancellationToken ct)
    {
        try
        {
            await ConnectAsync(vm, ct);
            return true;
        }
        catch (QmpException e)
        {
            QemuLog.QmpUnavailable(logger, vm.Id, e.Message);
            return false;
        }
    }

    public async Task ConnectAsync(QemuVm vm, CancellationToken ct)
    {
        await vm.DisconnectAsync();
        var qmp = await QmpClient.ConnectAsync(vm.Paths.QmpSocket, QmpConnectTimeout, ct);
        qmp.EventReceived += e =>
        {
            QemuLog.Event(logger, vm.Id, e.Name);
            if (e.Name == "SHUTDOWN")
            {
                vm.ShutdownSeen = true;
            }

            notify(vm.Id, e.Name);
        };
        _ = qmp.Closed.ContinueWith(_ => notify(vm.Id, "QMP_CLOSED"), TaskScheduler.Default);
        vm.Qmp = qmp;
    }
}
