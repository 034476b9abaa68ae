namespace ControlPlane.Domain.Scheduling.Policies;

/// <summary>A MUST rule: VMs matching <see cref="VmCategories"/> run only on hosts matching <see cref="HostCategories"/>.</summary>
public sealed record VmHostAffinityPolicy(string Id, IReadOnlyList<Category> VmCategories, IReadOnlyList<Category> HostCategories);
