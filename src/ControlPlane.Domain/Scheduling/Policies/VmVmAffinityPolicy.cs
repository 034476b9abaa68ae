namespace ControlPlane.Domain.Scheduling.Policies;

/// <summary>VMs matching <see cref="Categories"/> run together on one host.</summary>
public sealed record VmVmAffinityPolicy(string Id, IReadOnlyList<Category> Categories, Enforcement Enforcement = Enforcement.Should);
