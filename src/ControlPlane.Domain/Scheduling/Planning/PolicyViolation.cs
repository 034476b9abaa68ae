using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>A VM that, after a plan, still breaks a policy (a SHOULD rule yielded, or a MUST rule that could not be met).</summary>
public sealed record PolicyViolation(string PolicyId, string VmId, string HostId, Enforcement Enforcement);
