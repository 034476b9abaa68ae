using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Scheduling.Compliance;

/// <summary>A policy's compliance: per VM it covers, compliant or not with a typed reason.</summary>
public sealed record PolicyCompliance(string PolicyId, PolicyKind Kind, Enforcement Enforcement, IReadOnlyList<VmCompliance> Vms)
{
    public int NumCompliant => Vms.Count(v => v.Status == ComplianceStatus.Compliant);
    public int NumNonCompliant => Vms.Count - NumCompliant;
}
