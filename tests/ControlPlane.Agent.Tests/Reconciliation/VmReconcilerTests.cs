using ControlPlane.Agent.Reconciliation;
using ControlPlane.Agent.Tests.Fakes;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Tests.Reconciliation;

public sealed class VmReconcilerTests
{
    [Fact]
    public async Task Reconcile_VmTooBigForHost_ReportsTerminalErrorUntilNewGeneration()
    {
        await using var harness = new ReconcilerHarness();
        var vm = Vms.Desired() with { Vcpus = 64 };
        await harness.PushAsync(1, vm);

        var first = await harness.ReconcileAsync(vm.Id);
        var again = await harness.ReconcileAsync(vm.Id);

        Assert.Equal(ReconcileOutcome.Terminal, first.Outcome);
        Assert.Equal(ReconcileOutcome.Done, again.Outcome);
        Assert.Contains("64 vCPUs", harness.Errors.Get(vm.Id)?.Message, StringComparison.Ordinal);
        Assert.NotEqual(ObservedVmState.Running, harness.Hypervisor.StateOf(vm.Id));

        await harness.PushAsync(2, vm with { Vcpus = 4 });
        var fixedUp = await harness.ReconcileAsync(vm.Id);

        Assert.Equal(ReconcileOutcome.Done, fixedUp.Outcome);
        Assert.Null(harness.Errors.Get(vm.Id));
        Assert.Equal(ObservedVmState.Running, harness.Hypervisor.StateOf(vm.Id));
    }

    [Fact]
    public async Task Reconcile_StartFails_ReportsTransientErrorThenClearsItOnSuccess()
    {
        await using var harness = new ReconcilerHarness();
        var vm = Vms.Desired();
        await harness.PushAsync(1, vm);
        harness.Hypervisor.PoisonStart(vm.Id);

        var failed = await harness.ReconcileAsync(vm.Id);

        Assert.Equal(ReconcileOutcome.Transient, failed.Outcome);
        Assert.NotNull(harness.Errors.Get(vm.Id));
    }

    [Fact]
    public async Task Reconcile_NewVmWithCounters_IsNotResetButRecordsThem()
    {
        await using var harness = new ReconcilerHarness();
        var vm = Vms.Desired() with { ResetCounter = 7, RebootCounter = 3 };
        await harness.PushAsync(1, vm);

        await harness.ReconcileAsync(vm.Id);

        Assert.Equal(new(7, 3), harness.Counters.Get(vm.Id));
        Assert.Equal(ObservedVmState.Running, harness.Hypervisor.StateOf(vm.Id));
    }

    [Fact]
    public async Task Reconcile_RebootCounterBumped_RestartsTheVmAndRecordsTheCounter()
    {
        await using var harness = new ReconcilerHarness();
        var vm = Vms.Desired();
        await harness.PushAsync(1, vm);
        await harness.ReconcileAsync(vm.Id);

        await harness.PushAsync(2, vm with { RebootCounter = 1 });
        var result = await harness.ReconcileAsync(vm.Id);

        Assert.Equal(ReconcileOutcome.Done, result.Outcome);
        Assert.Equal(ObservedVmState.Running, harness.Hypervisor.StateOf(vm.Id));
        Assert.Equal(2, harness.Hypervisor.StartAttempts(vm.Id));
        Assert.Equal(1, harness.Counters.Get(vm.Id)?.Reboot);
    }

    [Fact]
    public async Task Reconcile_GracefulOffAndGuestIgnoresButton_RequeuesInsteadOfWaiting()
    {
        await using var harness = new ReconcilerHarness();
        var vm = Vms.Desired() with { ShutdownMode = ShutdownMode.Graceful };
        harness.Hypervisor.IgnorePowerButton(vm.Id);
        await harness.PushAsync(1, vm);
        await harness.ReconcileAsync(vm.Id);

        await harness.PushAsync(2, vm with { PowerState = VmPowerState.Off });
        var result = await harness.ReconcileAsync(vm.Id);

        Assert.Equal(ReconcileOutcome.RequeueAfter, result.Outcome);
        Assert.Equal(ObservedVmState.Running, harness.Hypervisor.StateOf(vm.Id));
    }
}
