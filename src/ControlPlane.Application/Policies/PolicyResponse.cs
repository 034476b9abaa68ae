using ControlPlane.Domain.Policies;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Application.Policies;

/// <summary>
/// A placement policy. VM-host affinity fills vmCategories and hostCategories (enforcement is always MUST); VM-VM
/// anti-affinity and affinity fill categories and enforcement.
/// </summary>
public sealed record PolicyResponse(
    Guid Id,
    string Name,
    IReadOnlyList<CategoryPair>? Categories,
    IReadOnlyList<CategoryPair>? VmCategories,
    IReadOnlyList<CategoryPair>? HostCategories,
    Enforcement Enforcement,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    internal static PolicyResponse From(PlacementPolicy p) => p.Kind == PlacementPolicyKind.VmHostAffinity
        ? new(p.Id, p.Name, null, p.VmCategories, p.HostCategories, p.Enforcement, p.CreatedAt, p.UpdatedAt, p.Version)
        : new(p.Id, p.Name, p.VmCategories, null, null, p.Enforcement, p.CreatedAt, p.UpdatedAt, p.Version);
}

/// <summary>One key=value selector entry in a policy body.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record PolicyCategory(string Key, string Value);

/// <summary>Body of the VM-host affinity policy routes.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record HostAffinityPolicyBody
{
    public string Name { get; init; } = "";
    public IReadOnlyList<PolicyCategory> VmCategories { get; init; } = [];
    public IReadOnlyList<PolicyCategory> HostCategories { get; init; } = [];
}

/// <summary>Body of the VM-VM anti-affinity and affinity policy routes (SHOULD unless stated, as in AHV).</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record VmGroupPolicyBody
{
    public string Name { get; init; } = "";
    public IReadOnlyList<PolicyCategory> Categories { get; init; } = [];
    public Enforcement Enforcement { get; init; } = Enforcement.Should;
}
