using ControlPlane.Agent.Tests.Fakes;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Tests.Reconciliation;

public sealed class VmReconcileLoopTests
{
    private static readonly TimeSpan FakeTimeLimit = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Loop_PoisonVm_OtherVmsStillStart()
    {
        await using var harness = new ReconcilerHarness();
        var poison = Vms.Desired();
        var healthy = new[] { Vms.Desired(), Vms.Desired(), Vms.Desired() };
        harness.Hypervisor.PoisonStart(poison.Id);
        await harness.PushAsync(1, [poison, .. healthy]);

        await harness.StartLoopAsync();

        await Eventually.HoldsAsync(
            () => healthy.All(vm => harness.Hypervisor.StateOf(vm.Id) == ObservedVmState.Running),
            "every healthy VM runs");
        await Eventually.HoldsAsync(() => harness.Errors.Get(poison.Id) is not null, "the poison VM has an error");
        Assert.NotEqual(ObservedVmState.Running, harness.Hypervisor.StateOf(poison.Id));
        Assert.Contains("refuses to start", harness.Errors.Get(poison.Id)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loop_StartKeepsFailing_RetryDelayDoublesFromOneSecondAndCapsAtSixty()
    {
        await using var harness = new ReconcilerHarness();
        var poison = Vms.Desired();
        harness.Hypervisor.PoisonStart(poison.Id);
        await harness.PushAsync(1, poison);
        await harness.StartLoopAsync();
        await Eventually.HoldsAsync(() => harness.Hypervisor.StartAttempts(poison.Id) == 1, "the first start was tried");

        var attempts = 1;
        foreach (var seconds in new[] { 1, 2, 4, 8, 16, 32, 60, 60, 60 })
        {
            await Eventually.HoldsAsync(
                () => harness.Queue.IsIdle && harness.Queue.IsPending(poison.Id), "the retry is scheduled");

            harness.Time.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
            await harness.WaitUntilIdleAsync();
            Assert.Equal(attempts, harness.Hypervisor.StartAttempts(poison.Id));

            harness.Time.Advance(TimeSpan.FromMilliseconds(1));
            attempts++;
            await Eventually.HoldsAsync(
                () => harness.Hypervisor.StartAttempts(poison.Id) == attempts, $"start attempt {attempts} after {seconds} s");
        }
    }

    [Fact]
    public async Task Loop_GuestIgnoresPowerButton_StopsHardOnlyAfterTheTimeout()
    {
        await using var harness = new ReconcilerHarness(gracefulShutdownTimeoutSeconds: 30);
        var vm = Vms.Desired() with { ShutdownMode = ShutdownMode.Graceful };
        harness.Hypervisor.IgnorePowerButton(vm.Id);
        await harness.PushAsync(1, vm);
        await harness.StartLoopAsync();
        await Eventually.HoldsAsync(() => harness.Hypervisor.StateOf(vm.Id) == ObservedVmState.Running, "the VM runs");

        await harness.PushAsync(2, vm with { PowerState = VmPowerState.Off });
        await Eventually.HoldsAsync(() => harness.Powerdowns.Remaining(vm.Id) > TimeSpan.Zero, "the power button was pressed");
        for (var second = 0; second < 29; second++)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(1));
            await harness.WaitUntilIdleAsync();
        }
        Assert.Equal(ObservedVmState.Running, harness.Hypervisor.StateOf(vm.Id));

        await harness.AdvanceUntilAsync(
            () => harness.Hypervisor.StateOf(vm.Id) == ObservedVmState.Stopped, FakeTimeLimit, "stopped");
    }

    [Fact]
    public async Task Loop_StaleGenerationPushed_KeepsReconcilingTowardsTheNewer()
    {
        await using var harness = new ReconcilerHarness();
        var vm = Vms.Desired();
        await harness.PushAsync(5, vm);
        await harness.StartLoopAsync();
        await Eventually.HoldsAsync(() => harness.Hypervisor.StateOf(vm.Id) == ObservedVmState.Running, "the VM runs");

        var offer = await harness.PushAsync(4, vm with { PowerState = VmPowerState.Off });
        harness.Resync.Request();
        await harness.WaitUntilIdleAsync();

        Assert.False(offer.Stored);
        Assert.Equal(5, offer.CurrentGeneration);
        Assert.Equal(ObservedVmState.Running, harness.Hypervisor.StateOf(vm.Id));
    }

    [Fact]
    public async Task Loop_HypervisorReportsCrash_VmIsStartedAgain()
    {
        await using var harness = new ReconcilerHarness();
        var vm = Vms.Desired();
        await harness.PushAsync(1, vm);
        await harness.StartLoopAsync();
        await Eventually.HoldsAsync(() => harness.Hypervisor.StateOf(vm.Id) == ObservedVmState.Running, "the VM runs");

        harness.Hypervisor.Crash(vm.Id);

        await Eventually.HoldsAsync(() => harness.Hypervisor.StateOf(vm.Id) == ObservedVmState.Running, "the VM runs again");
    }

    [Fact]
    public async Task Loop_Start_AdoptsGuestsBeforeLookingAtAnyVm()
    {
        await using var harness = new ReconcilerHarness();
        var vm = Vms.Desired();
        await harness.PushAsync(1, vm);

        await harness.StartLoopAsync();

        await Eventually.HoldsAsync(() => harness.Hypervisor.StateOf(vm.Id) == ObservedVmState.Running, "the VM runs");
        Assert.False(harness.Hypervisor.ReadBeforeAdoption);
    }

    [Fact]
    public async Task Loop_VmDroppedFromDesiredState_IsRemoved()
    {
        await using var harness = new ReconcilerHarness();
        var kept = Vms.Desired();
        var dropped = Vms.Desired();
        await harness.PushAsync(1, kept, dropped);
        await harness.StartLoopAsync();
        await Eventually.HoldsAsync(() => harness.Hypervisor.StateOf(dropped.Id) == ObservedVmState.Running, "the VM runs");

        await harness.PushAsync(2, kept);

        await Eventually.HoldsAsync(() => harness.Hypervisor.Find(dropped.Id) is null, "the dropped VM is gone");
        Assert.Equal(ObservedVmState.Running, harness.Hypervisor.StateOf(kept.Id));
    }
}
