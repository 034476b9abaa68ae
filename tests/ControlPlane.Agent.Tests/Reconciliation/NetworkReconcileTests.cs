using ControlPlane.Agent.Tests.Fakes;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Tests.Reconciliation;

public sealed class NetworkReconcileTests
{
    [Fact]
    public async Task Reconcile_VmWithNics_HostNetworkAndPortsExist()
    {
        await using var harness = new ReconcilerHarness();
        var vm = Vms.Desired(nics: 2);
        await harness.PushAsync(1, vm);

        await harness.ReconcileAsync(vm.Id);

        Assert.Equal(new HostNetworkSpec(), harness.Network.Host);
        Assert.Equal(vm.Nics.Select(nic => nic.Id).Order(), harness.Network.Ports.Keys.Order());
        Assert.Equal(ObservedVmState.Running, harness.Hypervisor.StateOf(vm.Id));
    }

    [Fact]
    public async Task Reconcile_NicDroppedFromRunningVm_DetachesItAndRemovesItsPort()
    {
        await using var harness = new ReconcilerHarness();
        var vm = Vms.Desired(nics: 2);
        await harness.PushAsync(1, vm);
        await harness.ReconcileAsync(vm.Id);

        await harness.PushAsync(2, vm with { Nics = [vm.Nics[0]] });
        await harness.ReconcileAsync(vm.Id);

        Assert.Equal([vm.Nics[0].Id], harness.Hypervisor.Find(vm.Id)!.NicIds);
        Assert.Equal([vm.Nics[0].Id], harness.Network.Ports.Keys);
    }

    [Fact]
    public async Task Reconcile_OrphanVmWithNics_RemovesVmAndPorts()
    {
        await using var harness = new ReconcilerHarness();
        var vm = Vms.Desired(nics: 1);
        await harness.PushAsync(1, vm);
        await harness.ReconcileAsync(vm.Id);

        await harness.PushAsync(2);
        await harness.ReconcileAsync(vm.Id);

        Assert.Null(harness.Hypervisor.Find(vm.Id));
        Assert.Empty(harness.Network.Ports);
    }

    [Fact]
    public async Task EnsureCurrent_SameGenerationTwice_AppliesHostNetworkOnce()
    {
        await using var harness = new ReconcilerHarness();
        await harness.PushAsync(1);

        await harness.HostNetwork.EnsureCurrentAsync(CancellationToken.None);
        await harness.HostNetwork.EnsureCurrentAsync(CancellationToken.None);
        await harness.PushAsync(2);
        await harness.HostNetwork.EnsureCurrentAsync(CancellationToken.None);

        Assert.Equal(2, harness.Network.HostApplications);
    }
}
