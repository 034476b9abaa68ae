using ControlPlane.Domain.Policies;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Application.Policies;

/// <summary>Stored policies as the scheduler's pure <see cref="PolicySet"/> (policy ids are the rows' GUIDs).</summary>
internal static class PolicySets
{
    public static PolicySet From(IEnumerable<PlacementPolicy> policies)
    {
        var list = policies.ToList();
        return new PolicySet(
            [.. list.Where(p => p.Kind == PlacementPolicyKind.VmHostAffinity)
                .Select(p => new VmHostAffinityPolicy(p.Id.ToString(), Selector(p.VmCategories), Selector(p.HostCategories)))],
            [.. list.Where(p => p.Kind == PlacementPolicyKind.VmAntiAffinity)
                .Select(p => new VmVmAntiAffinityPolicy(p.Id.ToString(), Selector(p.VmCategories), p.Enforcement))],
            [.. list.Where(p => p.Kind == PlacementPolicyKind.VmAffinity)
                .Select(p => new VmVmAffinityPolicy(p.Id.ToString(), Selector(p.VmCategories), p.Enforcement))]);
    }

    private static IReadOnlyList<Category> Selector(IEnumerable<CategoryPair> pairs) => [.. pairs.Select(c => new Category(c.Key, c.Value))];
}
