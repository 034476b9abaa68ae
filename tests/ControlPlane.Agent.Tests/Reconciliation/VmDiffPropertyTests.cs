using ControlPlane.Agent.Reconciliation;
using ControlPlane.Agent.State;
using ControlPlane.Agent.Tests.Fakes;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Tests.Reconciliation;

/// <summary>
/// Property: from any stable starting point, one reconcile (applying VmDiff's plans) against a cooperative
/// hypervisor leaves nothing to do, i.e. diffing again yields no actions.
/// </summary>
public sealed class VmDiffPropertyTests
{
    private const int Cases = 500;

    private static readonly ObservedVmState[] StableStates =
    [
        ObservedVmState.Running, ObservedVmState.Starting, ObservedVmState.Stopped, ObservedVmState.Paused,
        ObservedVmState.Crashed, ObservedVmState.Failed, ObservedVmState.Missing,
    ];

    private static readonly DesiredNic[] NicPool = [.. Enumerable.Range(0, 4).Select(_ => Vms.Nic())];
    private static readonly DesiredDisk[] DiskPool =
        [.. Enumerable.Range(0, 3).Select(_ => new DesiredDisk { Id = Guid.NewGuid(), SizeGiB = 1 })];

    [Fact]
    public async Task Reconcile_AnyStableStartingPoint_LeavesNoActions()
    {
        var random = new Random(20261121);
        await using var harness = new ReconcilerHarness();

        for (var generation = 1; generation <= Cases; generation++)
        {
            var vmId = Guid.NewGuid();
            var desired = random.Next(5) == 0 ? null : RandomVm(random, vmId);
            if (random.Next(5) != 0)
            {
                var booted = RandomVm(random, vmId);
                harness.Hypervisor.Put(FakeHypervisor.FromSpec(booted, StableStates[random.Next(StableStates.Length)]));
            }
            if (random.Next(2) == 0)
            {
                await harness.Counters.SetAsync(vmId, new AppliedCounters(random.Next(3), random.Next(3)), CancellationToken.None);
            }
            await harness.PushAsync(generation, desired is null ? [] : [desired]);
            var before = Describe(harness, vmId, desired);

            var result = await harness.ReconcileAsync(vmId);

            var remaining = VmDiff.Compute(
                desired,
                harness.Hypervisor.Find(vmId),
                harness.Counters.Get(vmId) ?? new AppliedCounters(0, 0),
                harness.Powerdowns.ProgressOf(vmId));
            Assert.True(
                result.Outcome == ReconcileOutcome.Done && remaining.Count == 0,
                $"Case {generation} ({before}) ended {result} with {string.Join(", ", remaining)} left to do.");
        }
    }

    private static DesiredVm RandomVm(Random random, Guid vmId) => new()
    {
        Id = vmId,
        Name = "vm",
        Vcpus = 1 + random.Next(4),
        MemoryMiB = 512 * (1 + random.Next(4)),
        PowerState = (VmPowerState)random.Next(3),
        ShutdownMode = (ShutdownMode)random.Next(2),
        ResetCounter = random.Next(3),
        RebootCounter = random.Next(3),
        Nics = [.. NicPool.Where(_ => random.Next(2) == 0)],
        Disks = [.. DiskPool.Where(_ => random.Next(2) == 0)],
    };

    private static string Describe(ReconcilerHarness harness, Guid vmId, DesiredVm? desired) =>
        $"desired {desired?.PowerState.ToString() ?? "none"} {desired?.ShutdownMode}, "
        + $"actual {harness.Hypervisor.StateOf(vmId)?.ToString() ?? "none"}, applied {harness.Counters.Get(vmId)}";
}
