namespace ControlPlane.Domain.Scheduling.Policies;

/// <summary>VMs matching <see cref="Categories"/> run on different hosts (SHOULD by default, as in AHV).</summary>
public sealed record VmVmAntiAffinityPolicy(string Id, IReadOnlyList<Category> Categories, Enforcement Enforcement = Enforcement.Should);
