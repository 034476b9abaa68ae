using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>A VM-VM policy as planners see it: apart (anti-affinity) or together, MUST or SHOULD.</summary>
internal sealed record PolicyGroup(string Id, bool Apart, bool Must, IReadOnlyList<Category> Categories);
