using ControlPlane.Domain.Scheduling;
using ControlPlane.Domain.Scheduling.Planning;
using ControlPlane.Domain.Scheduling.Policies;
using ControlPlane.Domain.Scheduling.Verification;
using FsCheck;
using FsCheck.Fluent;

namespace ControlPlane.Domain.Tests.Scheduling.Properties;

public class PlacementPropertyTests
{
    private static readonly Arbitrary<int> Seeds = Arb.From(Gen.Choose(1, 1_000_000));

    [Fact]
    public void PlaceAll_RandomClusters_NeverOvercommitsOrBreaksMustRules()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var snapshot = RandomCluster.Create(seed, 6, 20);
            var random = new Random(seed);
            var requests = Enumerable.Range(0, 25).Select(i => RandomCluster.Request(random, $"n{i}")).ToArray();
            var decisions = Scheduler.Default.PlaceAll(snapshot, requests);
            var placements = requests.Zip(decisions).Where(z => z.Second is Placed).Select(z => new PlannedPlacement(z.First.Id, ((Placed)z.Second).HostId)).ToList();
            var unplaced = requests.Zip(decisions).Where(z => z.Second is Unplaceable).Select(z => z.First.Id).ToList();
            var after = new Plan(PlanKind.BatchPlacement, [], 0, 0, [], []) { Placements = placements }.ApplyTo(snapshot, requests);
            var listed = HotspotPlanner.Plan(after).Violations.Where(v => v.Enforcement == Enforcement.Should).Select(v => (v.PolicyId, v.VmId)).ToList();

            var problems = PlanVerifier.Verify(snapshot, requests, new AnswerToVerify([], placements, unplaced, listed, 0), placementsKeepThreshold: true);

            return problems.Count == 0 && VcpusWithinRatio(after) && CacheTogether(after);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Place_SameSnapshot_ReturnsSameDecision()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var snapshot = RandomCluster.Create(seed, 5, 15);
            var request = RandomCluster.Request(new Random(seed), "n");
            return Scheduler.Default.Place(snapshot, request) switch
            {
                Placed p => Scheduler.Default.Place(snapshot, request) is Placed q && p.HostId == q.HostId,
                _ => Scheduler.Default.Place(snapshot, request) is Unplaceable,
            };
        }).QuickCheckThrowOnFailure();
    }

    private static bool VcpusWithinRatio(ClusterSnapshot snapshot) =>
        snapshot.Hosts.All(h => snapshot.Vms.Where(v => v.HostId == h.Id).Sum(v => v.Vcpus) <= h.CpuCores * snapshot.Settings.VcpuAllocationRatio);

    private static bool CacheTogether(ClusterSnapshot snapshot) =>
        snapshot.Vms.Where(v => v.Categories?.GetValueOrDefault("app") == "cache").Select(v => v.HostId).Distinct().Count() <= 1;
}
