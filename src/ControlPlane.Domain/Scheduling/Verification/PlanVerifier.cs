using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Scheduling.Verification;

/// <summary>
/// Checks an answer against the benchmark's validity rules (bench FORMAT.md), independently of the planners:
/// its own arithmetic over the snapshot, the moves in order, then the placements. Returns every rule broken.
/// </summary>
public static class PlanVerifier
{
    private const double Epsilon = 1e-6;

    /// <summary>Marks a broken rule that no answer could keep (the instance itself is infeasible there).</summary>
    public const string Unavoidable = "unavoidable";

    public static IReadOnlyList<string> Verify(
        ClusterSnapshot snapshot,
        IReadOnlyList<PlacementRequest> requests,
        AnswerToVerify answer,
        bool placementsKeepThreshold = false,
        bool checkHa = false)
    {
        var world = new VerifierWorld(snapshot);
        var problems = new List<string>();
        foreach (var move in answer.Moves)
        {
            world.ApplyMove(move, problems);
        }
        var byId = requests.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var placement in answer.Placements)
        {
            if (!byId.TryGetValue(placement.RequestId, out var request))
            {
                problems.Add($"placement of unknown request {placement.RequestId}");
                continue;
            }
            world.ApplyPlacement(request, placement.HostId, placementsKeepThreshold, problems);
        }
        var answered = answer.Placements.Select(p => p.RequestId).Concat(answer.Unplaced).ToList();
        foreach (var r in requests.Where(r => answered.Count(id => id == r.Id) != 1))
        {
            problems.Add($"request {r.Id} answered {answered.Count(id => id == r.Id)} times");
        }
        world.CheckEnd(problems);
        CheckViolations(world, answer.Violations, problems);
        var cost = answer.Moves.Sum(m => world.MemoryOf(m.VmId));
        if (answer.CostMiB != cost)
        {
            problems.Add($"costMiB {answer.CostMiB} but the moves copy {cost} MiB");
        }
        if (checkHa && snapshot.Settings.HaHostFailures > 0)
        {
            HaCheck.Check(world, snapshot.Settings.HaHostFailures, problems);
        }
        return problems;
    }

    private static void CheckViolations(VerifierWorld world, IReadOnlyList<(string PolicyId, string VmId)> listed, List<string> problems)
    {
        var actual = world.GroupViolations();
        foreach (var (policy, vm, enforcement) in actual)
        {
            if (enforcement == Enforcement.Must)
            {
                continue;
            }
            else if (!listed.Contains((policy, vm)))
            {
                problems.Add($"SHOULD anti-affinity {policy} broken by {vm} but not listed");
            }
        }
        foreach (var entry in listed.Where(l => !actual.Any(a => a.Policy == l.PolicyId && a.Vm == l.VmId) && !world.HostAffinityBroken(l)))
        {
            problems.Add($"violation {entry.PolicyId}/{entry.VmId} listed but not present");
        }
    }

    internal static bool Le(double a, double b) => a <= b + Epsilon;
}
