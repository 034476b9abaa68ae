using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Policies;

/// <summary>The three kinds of placement policy, stored in one table.</summary>
public enum PlacementPolicyKind { VmHostAffinity, VmAntiAffinity, VmAffinity }

/// <summary>One key=value selector entry of a policy.</summary>
public sealed record CategoryPair(string Key, string Value);

/// <summary>
/// A placement policy. VM-host affinity uses <see cref="VmCategories"/> and <see cref="HostCategories"/> and is
/// always MUST; VM-VM anti-affinity and affinity use <see cref="VmCategories"/> and <see cref="Enforcement"/>.
/// <see cref="Claims"/> is bumped by placements that rely on the policy across hosts (docs/decisions/0005), so
/// two of them cannot both commit from the same view of the group.
/// </summary>
public sealed class PlacementPolicy
{
    private PlacementPolicy() { }

    public PlacementPolicy(Guid id, PlacementPolicyKind kind, string name, IReadOnlyList<CategoryPair> vmCategories,
        IReadOnlyList<CategoryPair> hostCategories, Enforcement enforcement, DateTimeOffset now)
    {
        Id = id;
        Kind = kind;
        CreatedAt = now;
        Update(name, vmCategories, hostCategories, enforcement, now);
    }

    public Guid Id { get; private set; }
    public PlacementPolicyKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public List<CategoryPair> VmCategories { get; private set; } = [];
    public List<CategoryPair> HostCategories { get; private set; } = [];
    public Enforcement Enforcement { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Claims { get; private set; }
    public long Version { get; private set; }

    public void Update(string name, IReadOnlyList<CategoryPair> vmCategories, IReadOnlyList<CategoryPair> hostCategories, Enforcement enforcement, DateTimeOffset now)
    {
        Name = name;
        VmCategories = [.. vmCategories];
        HostCategories = Kind == PlacementPolicyKind.VmHostAffinity ? [.. hostCategories] : [];
        Enforcement = Kind == PlacementPolicyKind.VmHostAffinity ? Enforcement.Must : enforcement;
        UpdatedAt = now;
    }

    /// <summary>Marks that a placement relied on this policy's members as they were; see the class remarks.</summary>
    public void Claim() => Claims++;
}
