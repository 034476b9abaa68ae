using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ControlPlane.Agent.Hypervisor;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Tests.Fakes;

/// <summary>
/// An in-memory hypervisor whose VMs can be set to any state and made to misbehave: a VM whose start
/// always throws, a guest that ignores the power button, a crash announced as an event.
/// </summary>
internal sealed class FakeHypervisor : IHypervisor, IVmEventSource
{
    private readonly ConcurrentDictionary<Guid, VmActual> _vms = new();
    private readonly ConcurrentDictionary<Guid, int> _startAttempts = new();
    private readonly HashSet<Guid> _poisoned = [];
    private readonly HashSet<Guid> _deafToPowerButton = [];
    private readonly Channel<Guid> _events = Channel.CreateUnbounded<Guid>();

    public string Name => "fake";

    public HostCapacity Capacity { get; set; } = new() { CpuCores = 16, MemoryMiB = 65536 };

    public bool Adopted { get; private set; }

    /// <summary>Whether any VM was looked at before <see cref="AdoptAsync"/> ran.</summary>
    public bool ReadBeforeAdoption { get; private set; }

    public void Put(VmActual vm) => _vms[vm.Id] = vm;

    public VmActual? Find(Guid vmId) => _vms.GetValueOrDefault(vmId);

    public ObservedVmState? StateOf(Guid vmId) => Find(vmId)?.State;

    public int StartAttempts(Guid vmId) => _startAttempts.GetValueOrDefault(vmId);

    public void PoisonStart(Guid vmId) => _poisoned.Add(vmId);

    public void IgnorePowerButton(Guid vmId) => _deafToPowerButton.Add(vmId);

    public void Crash(Guid vmId)
    {
        _vms[vmId] = _vms[vmId] with { State = ObservedVmState.Crashed };
        _events.Writer.TryWrite(vmId);
    }

    public Task AdoptAsync(CancellationToken ct)
    {
        Adopted = true;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<VmActual>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<VmActual>>([.. _vms.Values]);

    public Task<VmActual?> GetAsync(Guid vmId, CancellationToken ct)
    {
        ReadBeforeAdoption |= !Adopted;
        return Task.FromResult(Find(vmId));
    }

    public Task DefineAsync(DesiredVm spec, CancellationToken ct)
    {
        _vms.AddOrUpdate(
            spec.Id,
            _ => FromSpec(spec, ObservedVmState.Stopped),
            (_, vm) => vm.State is ObservedVmState.Missing ? FromSpec(spec, ObservedVmState.Stopped) : vm);
        return Task.CompletedTask;
    }

    public Task StartAsync(DesiredVm spec, CancellationToken ct)
    {
        _startAttempts.AddOrUpdate(spec.Id, 1, (_, n) => n + 1);
        if (_poisoned.Contains(spec.Id))
        {
            throw new IOException($"VM {spec.Id} refuses to start.");
        }
        _vms[spec.Id] = FromSpec(spec, ObservedVmState.Running);
        return Task.CompletedTask;
    }

    public Task StopAsync(Guid vmId, CancellationToken ct) => Set(vmId, ObservedVmState.Stopped);

    public Task PowerdownAsync(Guid vmId, CancellationToken ct) =>
        _deafToPowerButton.Contains(vmId) ? Task.CompletedTask : Set(vmId, ObservedVmState.Stopped);

    public Task ResetAsync(Guid vmId, CancellationToken ct) => Set(vmId, ObservedVmState.Running);

    public Task PauseAsync(Guid vmId, CancellationToken ct) => Set(vmId, ObservedVmState.Paused);

    public Task ResumeAsync(Guid vmId, CancellationToken ct) => Set(vmId, ObservedVmState.Running);

    public Task AttachNicAsync(Guid vmId, DesiredNic nic, CancellationToken ct) =>
        Change(vmId, vm => vm with { NicIds = [.. vm.NicIds, nic.Id] });

    public Task DetachNicAsync(Guid vmId, Guid nicId, CancellationToken ct) =>
        Change(vmId, vm => vm with { NicIds = [.. vm.NicIds.Where(id => id != nicId)] });

    public Task AttachDiskAsync(Guid vmId, DesiredDisk disk, CancellationToken ct) =>
        Change(vmId, vm => vm with { DiskIds = [.. vm.DiskIds, disk.Id] });

    public Task DetachDiskAsync(Guid vmId, Guid diskId, CancellationToken ct) =>
        Change(vmId, vm => vm with { DiskIds = [.. vm.DiskIds.Where(id => id != diskId)] });

    public Task UndefineAsync(Guid vmId, CancellationToken ct)
    {
        _vms.TryRemove(vmId, out _);
        return Task.CompletedTask;
    }

    public Task<HostUsage> GetUsageAsync(CancellationToken ct) => Task.FromResult(new HostUsage());

    public async IAsyncEnumerable<Guid> WatchAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var vmId in _events.Reader.ReadAllAsync(ct))
        {
            yield return vmId;
        }
    }

    public static VmActual FromSpec(DesiredVm spec, ObservedVmState state) => new()
    {
        Id = spec.Id,
        State = state,
        Spec = spec,
        NicIds = [.. spec.Nics.Select(nic => nic.Id)],
        DiskIds = [.. spec.Disks.Select(disk => disk.Id)],
    };

    private Task Set(Guid vmId, ObservedVmState state) => Change(vmId, vm => vm with { State = state });

    private Task Change(Guid vmId, Func<VmActual, VmActual> change)
    {
        var vm = Find(vmId) ?? throw new InvalidOperationException($"VM {vmId} is not defined.");
        _vms[vmId] = change(vm);
        return Task.CompletedTask;
    }
}
