namespace ControlPlane.Domain.Scheduling.Policies;

/// <summary>
/// Finds contradictions in a set of policies before it is accepted. An anti-affinity group larger than the
/// eligible hosts is not a contradiction: compliance reports it per VM as not-enough-hosts.
/// </summary>
public static class PolicyValidator
{
    /// <summary>
    /// Checks the policies as they would be after a change. With hosts, host-affinity sets are compared by the
    /// hosts they select; otherwise by their selectors.
    /// </summary>
    public static IReadOnlyList<PolicyProblem> Validate(PolicySet policies, IReadOnlyList<SchedulerHost>? hosts = null)
    {
        var problems = new List<PolicyProblem>();
        DuplicateIds(policies, problems);
        EmptySelectors(policies, problems);
        foreach (var aff in policies.Affinity.Where(p => p.Enforcement == Enforcement.Must))
        {
            foreach (var anti in policies.AntiAffinity.Where(p => p.Enforcement == Enforcement.Must))
            {
                if (CategoryMatch.CanOverlap(aff.Categories, anti.Categories))
                {
                    problems.Add(new(PolicyProblemKind.AffinityAntiAffinityConflict, [aff.Id, anti.Id],
                        $"VMs matching both {aff.Id} (MUST run together) and {anti.Id} (MUST run apart) can satisfy neither."));
                }
            }
        }
        var hostAffinity = policies.HostAffinity;
        for (var i = 0; i < hostAffinity.Count; i++)
        {
            for (var j = i + 1; j < hostAffinity.Count; j++)
            {
                var (p, q) = (hostAffinity[i], hostAffinity[j]);
                if (CategoryMatch.CanOverlap(p.VmCategories, q.VmCategories) && Disjoint(p, q, hosts))
                {
                    problems.Add(new(PolicyProblemKind.DisjointHostAffinity, [p.Id, q.Id],
                        $"A VM matching both {p.Id} and {q.Id} would have no host allowed by both."));
                }
            }
        }
        return problems;
    }

    private static bool Disjoint(VmHostAffinityPolicy p, VmHostAffinityPolicy q, IReadOnlyList<SchedulerHost>? hosts) =>
        hosts is null
            ? !CategoryMatch.CanOverlap(p.HostCategories, q.HostCategories)
            : !hosts.Any(h => CategoryMatch.Matches(p.HostCategories, h.Categories) && CategoryMatch.Matches(q.HostCategories, h.Categories));

    private static void DuplicateIds(PolicySet policies, List<PolicyProblem> problems)
    {
        var ids = policies.HostAffinity.Select(p => p.Id)
            .Concat(policies.AntiAffinity.Select(p => p.Id))
            .Concat(policies.Affinity.Select(p => p.Id));
        foreach (var dup in ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(PolicyProblemKind.DuplicateId, [dup.Key], $"Policy id {dup.Key} is used {dup.Count()} times."));
        }
    }

    private static void EmptySelectors(PolicySet policies, List<PolicyProblem> problems)
    {
        var empty = policies.HostAffinity.Where(p => p.VmCategories.Count == 0 || p.HostCategories.Count == 0).Select(p => p.Id)
            .Concat(policies.AntiAffinity.Where(p => p.Categories.Count == 0).Select(p => p.Id))
            .Concat(policies.Affinity.Where(p => p.Categories.Count == 0).Select(p => p.Id));
        foreach (var id in empty)
        {
            problems.Add(new(PolicyProblemKind.EmptySelector, [id], $"Policy {id} selects by no category."));
        }
    }
}
