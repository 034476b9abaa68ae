using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using System.Text.Json;
using ControlPlane.Contracts;
using Microsoft.Extensions.Options;

namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>
/// The real hypervisor: one daemonized qemu-system-x86_64 per VM, driven over QMP. Everything a VM
/// needs lives under <c>DataDir/vms/&lt;vmId&gt;/</c> (spec, state, pidfile, QMP socket, serial log,
/// disks), so a restarted agent re-adopts its running guests instead of starting them again.
/// </summary>
internal sealed class QemuHypervisor : IHypervisor, IAsyncDisposable
{
    private static readonly TimeSpan QmpConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly QemuOptions _options;
    private readonly ILogger<QemuHypervisor> _logger;
    private readonly CommandRunner _runner;
    private readonly DiskImages _disks;
    private readonly QemuHotplug _hotplug;
    private readonly ConcurrentDictionary<Guid, QemuVm> _vms = new();
    private readonly Lock _usageLock = new();
    private readonly Channel<Guid> _changes = Channel.CreateUnbounded<Guid>();
    private (long Busy, long Total)? _lastHostCpu;

    public QemuHypervisor(IOptions<QemuOptions> options, ILogger<QemuHypervisor> logger)
    {
        _options = options.Value;
        _logger = logger;
        _runner = new CommandRunner(_options.NetworkNamespace);
        _disks = new DiskImages(_options, _runner);
        _hotplug = new QemuHotplug(logger);
        Directory.CreateDirectory(VmPaths.VmsDirectory(_options.DataDir));
    }

    /// <summary>Raised when something happened to a VM outside the agent's calls (QMP event, QEMU exit): a reconcile hint.</summary>
    public event Action<Guid, string>? VmEvent;

    /// <summary>
    /// The ids of VMs that changed by themselves (guest shutdown or reset, QEMU exited or crashed), for the
    /// reconcile loop (the shape of the agent's <c>IVmEventSource</c>). Meant for one consumer.
    /// </summary>
    public async IAsyncEnumerable<Guid> WatchAsync([EnumeratorCancellation] CancellationToken ct)
    {
        while (await _changes.Reader.WaitToReadAsync(ct))
        {
            while (_changes.Reader.TryRead(out var id))
            {
                yield return id;
            }
        }
    }

    public string Name => "qemu";

    public HostCapacity Capacity => new()
    {
        CpuCores = _options.CpuCores ?? Environment.ProcessorCount,
        MemoryMiB = _options.MemoryMiB ?? ProcFs.Memory().TotalMiB,
        CpuModel = _options.CpuModel,
    };

    public async Task AdoptAsync(CancellationToken ct)
    {
        foreach (var dir in Directory.EnumerateDirectories(VmPaths.VmsDirectory(_options.DataDir)))
        {
            if (!Guid.TryParse(Path.GetFileName(dir), out var id) || _vms.ContainsKey(id))
            {
                continue;
            }

            var paths = new VmPaths(_options.DataDir, id);
            DesiredVm? spec;
            try
            {
                spec = SpecFile.Load(paths.SpecFile);
            }
            catch (JsonException e)
            {
                QemuLog.SkippedDirectory(_logger, dir, e.Message);
                continue;
            }

            if (spec is null)
            {
                QemuLog.SkippedDirectory(_logger, dir, "no spec.json");
                continue;
            }

            var vm = new QemuVm(id, paths, spec, VmStateFile.Load(paths.StateFile));
            _vms[id] = vm;
            if (ProcFs.ReadPidFile(paths.PidFile) is { } pid && ProcFs.IsOurs(pid, id.ToString()))
            {
                vm.Pid = pid;
                var connected = await TryConnectAsync(vm, ct);
                QemuLog.Adopted(_logger, id, pid, connected);
            }
        }
    }

    public async Task<IReadOnlyList<VmActual>> ListAsync(CancellationToken ct)
    {
        var list = new List<VmActual>();
        foreach (var vm in _vms.Values.OrderBy(v => v.Id))
        {
            list.Add(await ObserveLockedAsync(vm, ct));
        }

        return list;
    }

    public async Task<VmActual?> GetAsync(Guid vmId, CancellationToken ct) =>
        _vms.TryGetValue(vmId, out var vm) ? await ObserveLockedAsync(vm, ct) : null;

    /// <summary>The serial console log of a VM (appended across boots).</summary>
    public string SerialLogPath(Guid vmId) => new VmPaths(_options.DataDir, vmId).SerialLog;

    public async Task DefineAsync(DesiredVm spec, CancellationToken ct)
    {
        var vm = _vms.GetOrAdd(spec.Id, id =>
        {
            var paths = new VmPaths(_options.DataDir, id);
            return new QemuVm(id, paths, spec, VmStateFile.Load(paths.StateFile));
        });
        await vm.Lock.WaitAsync(ct);
        try
        {
            await DefineLockedAsync(vm, spec, ct);
        }
        finally
        {
            vm.Lock.Release();
        }
    }

    public async Task StartAsync(DesiredVm spec, CancellationToken ct)
    {
        await DefineAsync(spec, ct);
        var vm = _vms[spec.Id];
        await vm.Lock.WaitAsync(ct);
        try
        {
            if (vm.ProcessAlive)
            {
                return;
            }

            await DefineLockedAsync(vm, spec, ct);
            var slots = new Dictionary<Guid, int>();
            foreach (var device in spec.Nics.Select(n => n.Id).Concat(spec.Disks.Select(d => d.Id)))
            {
                slots[device] = slots.Count;
            }

            vm.Save(new VmStateFile { Intent = VmIntent.Running, PortCount = slots.Count + Math.Max(0, _options.HotplugPorts), Slots = slots });
            File.Delete(vm.Paths.PidFile);
            File.Delete(vm.Paths.QmpSocket);
            vm.ShutdownSeen = false;
            vm.LastCpuSample = null;
            await _runner.RunAsync(_options.Binary, QemuCommandLine.Build(spec, _options, vm.Paths, vm.State), ct, timeout: TimeSpan.FromSeconds(60));
            vm.Pid = ProcFs.ReadPidFile(vm.Paths.PidFile) ?? throw new InvalidOperationException($"qemu for VM {vm.Id} wrote no pidfile");
            await ConnectAsync(vm, ct);
            QemuLog.Started(_logger, vm.Id, vm.Pid.Value);
        }
        finally
        {
            vm.Lock.Release();
        }
    }

    public Task StopAsync(Guid vmId, CancellationToken ct) => WithVm(vmId, vm => StopLockedAsync(vm, ct), ct);

    public Task PowerdownAsync(Guid vmId, CancellationToken ct) => WithVm(vmId, async vm =>
    {
        if (!vm.ProcessAlive)
        {
            return;
        }

        vm.Save(vm.State with { Intent = VmIntent.Stopped });
        await (await QmpAsync(vm, ct)).ExecuteAsync("system_powerdown", ct);
    }, ct);

    /// <summary>
    /// Graceful shutdown: presses the ACPI power button, waits up to <paramref name="timeout"/> (default
    /// <see cref="QemuOptions.ShutdownTimeout"/>) for the guest to power off, then powers it off hard.
    /// Returns true when the guest shut down by itself.
    /// </summary>
    public async Task<bool> ShutdownAsync(Guid vmId, TimeSpan? timeout, CancellationToken ct)
    {
        await PowerdownAsync(vmId, ct);
        if (!_vms.TryGetValue(vmId, out var vm))
        {
            return true;
        }

        var graceful = await WaitForExitAsync(vm, timeout ?? _options.ShutdownTimeout, ct);
        await StopAsync(vmId, ct);
        return graceful;
    }

    public Task ResetAsync(Guid vmId, CancellationToken ct) => RunningCommand(vmId, "system_reset", ct);

    public Task PauseAsync(Guid vmId, CancellationToken ct) => RunningCommand(vmId, "stop", ct);

    public Task ResumeAsync(Guid vmId, CancellationToken ct) => RunningCommand(vmId, "cont", ct);

    public Task AttachNicAsync(Guid vmId, DesiredNic nic, CancellationToken ct) => WithVm(vmId, async vm =>
    {
        if (vm.Spec.Nics.Any(n => n.Id == nic.Id))
        {
            return;
        }

        if (vm.ProcessAlive)
        {
            var port = await _hotplug.AttachNicAsync(vm, await QmpAsync(vm, ct), nic, ct);
            vm.Save(vm.State with { Slots = new(vm.State.Slots) { [nic.Id] = port } });
        }

        vm.Save(vm.Spec with { Nics = [.. vm.Spec.Nics, nic] });
    }, ct);

    public Task DetachNicAsync(Guid vmId, Guid nicId, CancellationToken ct) => WithVm(vmId, async vm =>
    {
        if (vm.ProcessAlive && vm.State.Slots.ContainsKey(nicId))
        {
            await _hotplug.DetachNicAsync(vm, await QmpAsync(vm, ct), nicId, ct);
            vm.Save(vm.State with { Slots = vm.State.Slots.Where(s => s.Key != nicId).ToDictionary() });
        }

        vm.Save(vm.Spec with { Nics = [.. vm.Spec.Nics.Where(n => n.Id != nicId)] });
    }, ct);

    public Task AttachDiskAsync(Guid vmId, DesiredDisk disk, CancellationToken ct) => WithVm(vmId, async vm =>
    {
        if (vm.Spec.Disks.Any(d => d.Id == disk.Id))
        {
            return;
        }

        await _disks.EnsureAsync(vm.Paths, disk, ct);
        if (vm.ProcessAlive)
        {
            var port = await _hotplug.AttachDiskAsync(vm, await QmpAsync(vm, ct), disk, ct);
            vm.Save(vm.State with { Slots = new(vm.State.Slots) { [disk.Id] = port } });
        }

        vm.Save(vm.Spec with { Disks = [.. vm.Spec.Disks, disk] });
    }, ct);

    public Task DetachDiskAsync(Guid vmId, Guid diskId, CancellationToken ct) => WithVm(vmId, async vm =>
    {
        if (vm.ProcessAlive && vm.State.Slots.ContainsKey(diskId))
        {
            await _hotplug.DetachDiskAsync(vm, await QmpAsync(vm, ct), diskId, ct);
            vm.Save(vm.State with { Slots = vm.State.Slots.Where(s => s.Key != diskId).ToDictionary() });
        }

        vm.Save(vm.Spec with { Disks = [.. vm.Spec.Disks.Where(d => d.Id != diskId)] });
        File.Delete(vm.Paths.Disk(diskId));
    }, ct);

    public async Task UndefineAsync(Guid vmId, CancellationToken ct)
    {
        if (!_vms.TryGetValue(vmId, out var vm))
        {
            return;
        }

        await vm.Lock.WaitAsync(ct);
        try
        {
            await StopLockedAsync(vm, ct);
            if (Directory.Exists(vm.Paths.Directory))
            {
                Directory.Delete(vm.Paths.Directory, recursive: true);
            }

            _vms.TryRemove(vmId, out _);
        }
        finally
        {
            vm.Lock.Release();
        }
    }

    public Task<HostUsage> GetUsageAsync(CancellationToken ct)
    {
        var now = ProcFs.HostCpuTicks();
        double cpu;
        lock (_usageLock)
        {
            cpu = _lastHostCpu is { } last && now.Total > last.Total
                ? 100.0 * (now.Busy - last.Busy) / (now.Total - last.Total)
                : 0;
            _lastHostCpu = now;
        }

        var (total, available) = ProcFs.Memory();
        return Task.FromResult(new HostUsage { CpuPercent = Math.Clamp(cpu, 0, 100), MemoryUsedMiB = total - available });
    }

    /// <summary>Closes the QMP connections; the guests keep running (as when the agent process ends).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var vm in _vms.Values)
        {
            await vm.DisposeAsync();
        }

        _vms.Clear();
    }

    private async Task DefineLockedAsync(QemuVm vm, DesiredVm spec, CancellationToken ct)
    {
        Directory.CreateDirectory(vm.Paths.Directory);
        foreach (var disk in spec.Disks)
        {
            await _disks.EnsureAsync(vm.Paths, disk, ct);
        }

        if (!vm.ProcessAlive)
        {
            vm.Save(spec);
            if (!File.Exists(vm.Paths.StateFile))
            {
                vm.Save(vm.State);
            }
        }
    }

    private async Task StopLockedAsync(QemuVm vm, CancellationToken ct)
    {
        if (File.Exists(vm.Paths.StateFile) || vm.State.Intent != VmIntent.Stopped)
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
            QemuLog.QmpUnavailable(_logger, vm.Id, e.Message);
        }

        if (!await WaitForExitAsync(vm, _options.StopTimeout, ct) && ProcFs.IsOurs(pid, vm.Id.ToString()))
        {
            QemuLog.Killing(_logger, vm.Id, pid);
            using var process = Process.GetProcessById(pid);
            process.Kill();
            await WaitForExitAsync(vm, TimeSpan.FromSeconds(5), ct);
        }

        await vm.DisconnectAsync();
        File.Delete(vm.Paths.PidFile);
        QemuLog.Stopped(_logger, vm.Id, pid);
    }

    private static async Task<bool> WaitForExitAsync(QemuVm vm, TimeSpan timeout, CancellationToken ct)
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

    /// <summary>Observes under the VM's lock; while an operation holds it, reports from the process alone.</summary>
    private async Task<VmActual> ObserveLockedAsync(QemuVm vm, CancellationToken ct)
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
                QemuLog.ProcessGone(_logger, vm.Id, gone, vm.State.Intent);
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
            var status = await (await QmpAsync(vm, ct)).ExecuteAsync("query-status", ct);
            state = MapStatus(status.GetProperty("status").GetString());
        }
        catch (QmpException e)
        {
            QemuLog.QmpUnavailable(_logger, vm.Id, e.Message);
            state = vm.ProcessAlive ? ObservedVmState.Failed : ObservedVmState.Stopped;
        }

        return actual with { State = state, ProcessId = pid, CpuPercent = SampleCpu(vm, pid), MemoryUsedMiB = ProcFs.RssMiB(pid) };
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

    private async Task<QmpClient> QmpAsync(QemuVm vm, CancellationToken ct)
    {
        if (vm.Qmp is { IsConnected: true } qmp)
        {
            return qmp;
        }

        await ConnectAsync(vm, ct);
        return vm.Qmp!;
    }

    private async Task<bool> TryConnectAsync(QemuVm vm, CancellationToken ct)
    {
        try
        {
            await ConnectAsync(vm, ct);
            return true;
        }
        catch (QmpException e)
        {
            QemuLog.QmpUnavailable(_logger, vm.Id, e.Message);
            return false;
        }
    }

    private async Task ConnectAsync(QemuVm vm, CancellationToken ct)
    {
        await vm.DisconnectAsync();
        var qmp = await QmpClient.ConnectAsync(vm.Paths.QmpSocket, QmpConnectTimeout, ct);
        qmp.EventReceived += e =>
        {
            QemuLog.Event(_logger, vm.Id, e.Name);
            if (e.Name == "SHUTDOWN")
            {
                vm.ShutdownSeen = true;
            }

            Notify(vm.Id, e.Name);
        };
        _ = qmp.Closed.ContinueWith(_ => Notify(vm.Id, "QMP_CLOSED"), TaskScheduler.Default);
        vm.Qmp = qmp;
    }

    private void Notify(Guid vmId, string what)
    {
        if (what is "SHUTDOWN" or "RESET" or "STOP" or "RESUME" or "GUEST_PANICKED" or "QMP_CLOSED")
        {
            _changes.Writer.TryWrite(vmId);
        }

        VmEvent?.Invoke(vmId, what);
    }

    private Task RunningCommand(Guid vmId, string command, CancellationToken ct) => WithVm(vmId, async vm =>
    {
        if (!vm.ProcessAlive)
        {
            throw new InvalidOperationException($"VM {vmId} is not running");
        }

        await (await QmpAsync(vm, ct)).ExecuteAsync(command, ct);
    }, ct);

    private async Task WithVm(Guid vmId, Func<QemuVm, Task> action, CancellationToken ct)
    {
        if (!_vms.TryGetValue(vmId, out var vm))
        {
            throw new KeyNotFoundException($"VM {vmId} is not defined on this host");
        }

        await vm.Lock.WaitAsync(ct);
        try
        {
            await action(vm);
        }
        finally
        {
            vm.Lock.Release();
        }
    }
}
