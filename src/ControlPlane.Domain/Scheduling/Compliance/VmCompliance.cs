namespace ControlPlane.Domain.Scheduling.Compliance;

/// <summary>One VM under one policy: compliant, or not and why.</summary>
public sealed record VmCompliance(string VmId, string HostId, ComplianceStatus Status, NonComplianceReason? Reason = null);
