using System.Collections.Concurrent;
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
internal sealed class QemuHypervisor : IHypervisor, IVmEventSource, IAsyncDisposable
{
    private readonly QemuOptions _options;
    private readonly ILogger<QemuHypervisor> _logger;
    private readonly CommandRunner _runner;
    private readonly DiskImages _disks;
    private readonly QemuProcess _process;
    private readonly QemuVmObserver _observer;
    private readonly QemuVmDevices _devices;
    private readonly QemuHostResources _host;
    private readonly ConcurrentDictionary<Guid, QemuVm> _vms = new();
    private readonly Channel<Guid> _changes = Channel.CreateUnbounded<Guid>();

    public QemuHypervisor(IOptions<QemuOptions> options, ILogger<QemuHypervisor> logger)
    {
        _options = options.Value;
        _logger = logger;
        _runner = new CommandRunner(_options.NetworkNamespace);
        _disks = new DiskImages(_options, _runner);
        _process = new QemuProcess(_options, _runner, logger, Notify);
        _observer = new QemuVmObserver(_process, logger);
        _devices = new QemuVmDevices(_process, new QemuHotplug(logger), _disks);
        _host = new QemuHostResources(_options);
        Directory.CreateDirectory(VmPaths.VmsDirectory(_options.DataDir));
    }

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

    public HostCapacity Capacity => _host.Capacity;

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
                var connected = await _process.TryConnectAsync(vm, ct);
                QemuLog.Adopted(_logger, id, pid, connected);
            }
        }
    }

    public async Task<IReadOnlyList<VmActual>> ListAsync(CancellationToken ct)
    {
        var list = new List<VmActual>();
        foreach (var vm in _vms.Values.OrderBy(v => v.Id))
        {
            list.Add(await _observer.ObserveLockedAsync(vm, ct));
        }

        return list;
    }

    public async Task<VmActual?> GetAsync(Guid vmId, CancellationToken ct) =>
        _vms.TryGetValue(vmId, out var vm) ? await _observer.ObserveLockedAsync(vm, ct) : null;

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
            await _process.LaunchAsync(vm, spec, ct);
        }
        finally
        {
            vm.Lock.Release();
        }
    }

    public Task StopAsync(Guid vmId, CancellationToken ct) => WithVm(vmId, vm => _process.StopAsync(vm, ct), ct);

    public Task PowerdownAsync(Guid vmId, CancellationToken ct) => WithVm(vmId, async vm =>
    {
        if (!vm.ProcessAlive)
        {
            return;
        }

        vm.Save(vm.State with { Intent = VmIntent.Stopped });
        await (await _process.QmpAsync(vm, ct)).ExecuteAsync("system_powerdown", ct);
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

        var graceful = await QemuProcess.WaitForExitAsync(vm, timeout ?? _options.ShutdownTimeout, ct);
        await StopAsync(vmId, ct);
        return graceful;
    }

    public Task ResetAsync(Guid vmId, CancellationToken ct) => RunningCommand(vmId, "system_reset", ct);

    public Task PauseAsync(Guid vmId, CancellationToken ct) => RunningCommand(vmId, "stop", ct);

    public Task ResumeAsync(Guid vmId, CancellationToken ct) => RunningCommand(vmId, "cont", ct);

    public Task AttachNicAsync(Guid vmId, DesiredNic nic, CancellationToken ct) => WithVm(vmId, vm => _devices.AttachNicAsync(vm, nic, ct), ct);

    public Task DetachNicAsync(Guid vmId, Guid nicId, CancellationToken ct) => WithVm(vmId, vm => _devices.DetachNicAsync(vm, nicId, ct), ct);

    public Task AttachDiskAsync(Guid vmId, DesiredDisk disk, CancellationToken ct) => WithVm(vmId, vm => _devices.AttachDiskAsync(vm, disk, ct), ct);

    public Task DetachDiskAsync(Guid vmId, Guid diskId, CancellationToken ct) => WithVm(vmId, vm => _devices.DetachDiskAsync(vm, diskId, ct), ct);

    public async Task UndefineAsync(Guid vmId, CancellationToken ct)
    {
        if (!_vms.TryGetValue(vmId, out var vm))
        {
            return;
        }

        await vm.Lock.WaitAsync(ct);
        try
        {
            await _process.StopAsync(vm, ct);
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

    public Task<HostUsage> GetUsageAsync(CancellationToken ct) => Task.FromResult(_host.Usage());

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

    private void Notify(Guid vmId, string what)
    {
        if (what is "SHUTDOWN" or "RESET" or "STOP" or "RESUME" or "GUEST_PANICKED" or "QMP_CLOSED")
        {
            _changes.Writer.TryWrite(vmId);
        }
    }

    private Task RunningCommand(Guid vmId, string command, CancellationToken ct) => WithVm(vmId, async vm =>
    {
        if (!vm.ProcessAlive)
        {
            throw new InvalidOperationException($"VM {vmId} is not running");
        }

        await (await _process.QmpAsync(vm, ct)).ExecuteAsync(command, ct);
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
