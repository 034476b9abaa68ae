using ControlPlane.Agent.Configuration;
using ControlPlane.Agent.Hypervisor.Simulated;
using ControlPlane.Agent.Tests.Fakes;
using ControlPlane.Contracts;
using Microsoft.Extensions.Options;

namespace ControlPlane.Agent.Tests.Hypervisor;

public sealed class SimulatedHypervisorTests
{
    private readonly SimulatedHypervisor _hypervisor = new(Options.Create(new AgentOptions
    {
        Simulated = new SimulatedOptions { CpuCores = 8, MemoryMiB = 32768, CpuModel = "Cascadelake-Server" },
    }));

    [Fact]
    public void Capacity_ComesFromTheSimulatedSettings()
    {
        var capacity = _hypervisor.Capacity;

        Assert.Equal((8, 32768, "Cascadelake-Server"), (capacity.CpuCores, capacity.MemoryMiB, capacity.CpuModel));
    }

    [Fact]
    public async Task GetUsage_RunningVms_SumsLoadTimesVcpusOverCoresAndTheirMemory()
    {
        var busy = await RunAsync(Vms.Desired() with { Vcpus = 4, MemoryMiB = 2048 });
        await RunAsync(Vms.Desired() with { Vcpus = 2, MemoryMiB = 1024 });
        var stopped = Vms.Desired() with { Vcpus = 8, MemoryMiB = 8192 };
        await _hypervisor.DefineAsync(stopped, CancellationToken.None);
        _hypervisor.TrySetLoad(busy.Id, 50);

        var usage = await _hypervisor.GetUsageAsync(CancellationToken.None);

        Assert.Equal((50 * 4 + 10 * 2) / 8.0, usage.CpuPercent, precision: 6);
        Assert.Equal(3072, usage.MemoryUsedMiB);
    }

    [Fact]
    public async Task GetUsage_LoadBeyondHostCores_CapsAt100()
    {
        var vm = await RunAsync(Vms.Desired() with { Vcpus = 8 });
        var other = await RunAsync(Vms.Desired() with { Vcpus = 8 });
        _hypervisor.TrySetLoad(vm.Id, 100);
        _hypervisor.TrySetLoad(other.Id, 100);

        Assert.Equal(100, (await _hypervisor.GetUsageAsync(CancellationToken.None)).CpuPercent);
    }

    [Fact]
    public async Task Powerdown_RunningVm_StopsAtOnce()
    {
        var vm = await RunAsync(Vms.Desired());

        await _hypervisor.PowerdownAsync(vm.Id, CancellationToken.None);

        Assert.Equal(ObservedVmState.Stopped, (await _hypervisor.GetAsync(vm.Id, CancellationToken.None))?.State);
    }

    [Fact]
    public async Task PauseAndResume_RunningVm_ReturnsToRunning()
    {
        var vm = await RunAsync(Vms.Desired());

        await _hypervisor.PauseAsync(vm.Id, CancellationToken.None);
        var paused = (await _hypervisor.GetAsync(vm.Id, CancellationToken.None))?.State;
        await _hypervisor.ResumeAsync(vm.Id, CancellationToken.None);

        Assert.Equal(ObservedVmState.Paused, paused);
        Assert.Equal(ObservedVmState.Running, (await _hypervisor.GetAsync(vm.Id, CancellationToken.None))?.State);
    }

    private async Task<DesiredVm> RunAsync(DesiredVm vm)
    {
        await _hypervisor.DefineAsync(vm, CancellationToken.None);
        await _hypervisor.StartAsync(vm, CancellationToken.None);
        return vm;
    }
}
