namespace ControlPlane.Domain.Scheduling.Policies;

/// <summary>The placement policies in force on a cluster.</summary>
public sealed record PolicySet(
    IReadOnlyList<VmHostAffinityPolicy> HostAffinity,
    IReadOnlyList<VmVmAntiAffinityPolicy> AntiAffinity,
    IReadOnlyList<VmVmAffinityPolicy> Affinity)
{
    public static PolicySet Empty { get; } = new([], [], []);

    public bool IsEmpty => HostAffinity.Count == 0 && AntiAffinity.Count == 0 && Affinity.Count == 0;

    /// <summary>Ids of the anti-affinity and affinity policies (the VM-VM group policies) a VM with these categories belongs to.</summary>
    public IReadOnlyList<string> GroupsOf(IReadOnlyDictionary<string, string>? categories)
    {
        if (categories is null || categories.Count == 0)
        {
            return [];
        }
        List<string>? groups = null;
        foreach (var p in AntiAffinity)
        {
            if (CategoryMatch.Matches(p.Categories, categories))
            {
                (groups ??= []).Add(p.Id);
            }
        }
        foreach (var p in Affinity)
        {
            if (CategoryMatch.Matches(p.Categories, categories))
            {
                (groups ??= []).Add(p.Id);
            }
        }
        return groups is null ? [] : groups;
    }
}
