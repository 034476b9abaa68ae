using ControlPlane.Domain.Scheduling;
using ControlPlane.Domain.Scheduling.Planning;
using ControlPlane.Domain.Scheduling.Policies;
using ControlPlane.Domain.Scheduling.Verification;
using FsCheck;
using FsCheck.Fluent;

namespace ControlPlane.Domain.Tests.Scheduling.Properties;

public class PlanPropertyTests
{
    private static readonly Arbitrary<int> Seeds = Arb.From(Gen.Choose(1, 1_000_000));

    [Fact]
    public void HotspotPlan_RandomHotspots_EveryStepKeepsMemoryAndMustRules()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var snapshot = RandomCluster.WithHotspot(RandomCluster.Create(seed, 6, 24), seed);
            var plan = HotspotPlanner.Plan(snapshot);
            var problems = Verify(snapshot, plan);
            return plan.Resolved ? problems.Count == 0 : problems.All(p => p.Contains("CPU threshold", StringComparison.Ordinal));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void HotspotPlan_SmallRandomHotspots_CostsNoMoreThanBruteForce()
    {
        var checkedCount = 0;
        for (var seed = 1; seed <= 40; seed++)
        {
            var instance = Bench.Generator.SmallHotspot(seed);
            var plan = HotspotPlanner.Plan(instance.Snapshot);
            if (Bench.ExactHotspot.MinCost(instance.Snapshot) is { } exact)
            {
                Assert.True(plan.Resolved);
                Assert.Equal(exact, plan.CostMiB);
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 20);
    }

    [Fact]
    public void EnforcementPlan_RandomViolations_NeverOvercommitsAndListsWhatYields()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var snapshot = Scramble(RandomCluster.Create(seed, 6, 24), seed);
            var plan = PolicyEnforcementPlanner.Plan(snapshot);
            var problems = Verify(snapshot, plan);
            return problems.All(p => !p.Contains("no room", StringComparison.Ordinal) && !p.StartsWith("unmovable VM", StringComparison.Ordinal)
                && !p.Contains("over-committed", StringComparison.Ordinal) && !p.Contains("not listed", StringComparison.Ordinal)
                && (plan.Issues.Count > 0 || !p.Contains("at the end", StringComparison.Ordinal)));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DefragmentPlan_RandomRequests_PlacesValidly()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var snapshot = RandomCluster.Create(seed, 5, 30);
            var random = new Random(seed);
            var requests = Enumerable.Range(0, 3).Select(i => RandomCluster.Request(random, $"n{i}") with { CpuUsedCores = 0.1 }).ToArray();
            var plan = DefragmentPlanner.Plan(snapshot, requests);
            var problems = PlanVerifier.Verify(snapshot, requests, Answer(plan), placementsKeepThreshold: false);
            return problems.Count == 0;
        }).QuickCheckThrowOnFailure();
    }

    private static List<string> Verify(ClusterSnapshot snapshot, Plan plan) => [.. PlanVerifier.Verify(snapshot, [], Answer(plan))];

    private static AnswerToVerify Answer(Plan plan) => new(plan.Moves, plan.Placements, [.. plan.Unplaced.Select(u => u.RequestId)],
        [.. plan.Violations.Where(v => v.Enforcement == Enforcement.Should).Select(v => (v.PolicyId, v.VmId))], plan.CostMiB);

    /// <summary>Moves a few VMs to random CONNECTED hosts where memory allows, ignoring policies, to create violations.</summary>
    private static ClusterSnapshot Scramble(ClusterSnapshot snapshot, int seed)
    {
        var random = new Random(seed);
        var vms = snapshot.Vms.ToList();
        var connected = snapshot.Hosts.Where(h => h.State == SchedulerHostState.Connected).ToList();
        for (var i = 0; i < 6 && vms.Count > 0; i++)
        {
            var v = random.Next(vms.Count);
            var to = connected[random.Next(connected.Count)];
            var used = vms.Where(x => x.HostId == to.Id).Sum(x => x.MemoryReservedMiB);
            if (used + vms[v].MemoryReservedMiB <= to.MemoryMiB && vms[v].Vcpus <= to.CpuCores && vms[v].Gpus is null)
            {
                vms[v] = vms[v] with { HostId = to.Id, CpuUsedCores = 0.1 };
            }
        }
        return snapshot with { Vms = vms, Policies = new PolicySet(RandomCluster.Policies.HostAffinity, [RandomCluster.Policies.AntiAffinity[1]], []) };
    }
}
