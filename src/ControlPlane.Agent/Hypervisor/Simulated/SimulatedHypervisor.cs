using System.Collections.Concurrent;
using ControlPlane.Agent.Configuration;
using ControlPlane.Contracts;
using Microsoft.Extensions.Options;

namespace ControlPlane.Agent.Hypervisor.Simulated;

/// <summary>
/// An in-memory hypervisor for benchmarks and the dev cluster. Every transition is immediate and the
/// guest always honours the power button. A running VM uses its set CPU load (10 % unless told otherwise)
/// of each of its vCPUs; the host's CPU % is that summed over running VMs, divided by its cores, capped
/// at 100. The model lives in memory, so a restarted agent has no VMs and starts them again.
/// </summary>
internal sealed class SimulatedHypervisor(IOptions<AgentOptions> options) : IHypervisor
{
    public const string DriverName = "simulated";
    private const double DefaultLoadPercent = 10;

    private readonly ConcurrentDictionary<Guid, SimulatedVm> _vms = new();
    private readonly SimulatedOptions _host = options.Value.Simulated;

    public string Name => DriverName;

    public HostCapacity Capacity => new()
    {
        CpuCores = _host.CpuCores,
        MemoryMiB = _host.MemoryMiB,
        CpuModel = _host.CpuModel,
    };

    public Task AdoptAsync(CancellationToken ct) => Task.CompletedTask;

    public Task<IReadOnlyList<VmActual>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<VmActual>>(_vms.Values.Select(vm => vm.ToActual()).ToList());

    public Task<VmActual?> GetAsync(Guid vmId, CancellationToken ct) =>
        Task.FromResult(_vms.TryGetValue(vmId, out var vm) ? vm.ToActual() : null);

    public Task DefineAsync(DesiredVm spec, CancellationToken ct)
    {
        _vms.AddOrUpdate(
            spec.Id,
            _ => new SimulatedVm(spec, ObservedVmState.Stopped, DefaultLoadPercent),
            (_, vm) => vm.IsRunning || vm.State is ObservedVmState.Paused ? vm : vm with { Spec = spec });
        return Task.CompletedTask;
    }

    public Task StartAsync(DesiredVm spec, CancellationToken ct)
    {
        var vm = Find(spec.Id);
        if (vm.State is not (ObservedVmState.Running or ObservedVmState.Paused))
        {
            _vms[spec.Id] = new SimulatedVm(spec, ObservedVmState.Running, vm.LoadPercent);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(Guid vmId, CancellationToken ct) => Transition(vmId, ObservedVmState.Stopped);

    public Task PowerdownAsync(Guid vmId, CancellationToken ct) => Transition(vmId, ObservedVmState.Stopped);

    public Task ResetAsync(Guid vmId, CancellationToken ct)
    {
        Find(vmId);
        return Task.CompletedTask;
    }

    public Task PauseAsync(Guid vmId, CancellationToken ct) =>
        Update(vmId, vm => vm.IsRunning ? vm with { State = ObservedVmState.Paused } : vm);

    public Task ResumeAsync(Guid vmId, CancellationToken ct) =>
        Update(vmId, vm => vm.State is ObservedVmState.Paused ? vm with { State = ObservedVmState.Running } : vm);

    public Task AttachNicAsync(Guid vmId, DesiredNic nic, CancellationToken ct) =>
        Update(vmId, vm => vm with { NicIds = [.. vm.NicIds.Where(id => id != nic.Id), nic.Id] });

    public Task DetachNicAsync(Guid vmId, Guid nicId, CancellationToken ct) =>
        Update(vmId, vm => vm with { NicIds = [.. vm.NicIds.Where(id => id != nicId)] });

    public Task AttachDiskAsync(Guid vmId, DesiredDisk disk, CancellationToken ct) =>
        Update(vmId, vm => vm with { DiskIds = [.. vm.DiskIds.Where(id => id != disk.Id), disk.Id] });

    public Task DetachDiskAsync(Guid vmId, Guid diskId, CancellationToken ct) =>
        Update(vmId, vm => vm with { DiskIds = [.. vm.DiskIds.Where(id => id != diskId)] });

    public Task UndefineAsync(Guid vmId, CancellationToken ct)
    {
        _vms.TryRemove(vmId, out _);
        return Task.CompletedTask;
    }

    public Task<HostUsage> GetUsageAsync(CancellationToken ct)
    {
        var running = _vms.Values.Where(vm => vm.IsRunning).ToList();
        var busyCores = running.Sum(vm => vm.LoadPercent * vm.Spec.Vcpus) / 100;
        var resident = _vms.Values.Where(vm => vm.State is ObservedVmState.Running or ObservedVmState.Paused);
        return Task.FromResult(new HostUsage
        {
            CpuPercent = Math.Min(100, busyCores * 100 / _host.CpuCores),
            MemoryUsedMiB = resident.Sum(vm => vm.Spec.MemoryMiB),
        });
    }

    /// <summary>Sets a VM's CPU load (0..100 % of each of its vCPUs); false if there is no such VM.</summary>
    public bool TrySetLoad(Guid vmId, double cpuPercent)
    {
        while (_vms.TryGetValue(vmId, out var vm))
        {
            if (_vms.TryUpdate(vmId, vm with { LoadPercent = Math.Clamp(cpuPercent, 0, 100) }, vm))
            {
                return true;
            }
        }
        return false;
    }

    private Task Transition(Guid vmId, ObservedVmState state) => Update(vmId, vm => vm with { State = state });

    private Task Update(Guid vmId, Func<SimulatedVm, SimulatedVm> change)
    {
        var vm = Find(vmId);
        _vms[vmId] = change(vm);
        return Task.CompletedTask;
    }

    private SimulatedVm Find(Guid vmId) =>
        _vms.TryGetValue(vmId, out var vm) ? vm : throw new InvalidOperationException($"VM {vmId} is not defined.");
}
