namespace ControlPlane.Domain.Scheduling.Compliance;

public enum ComplianceStatus { Compliant, NonCompliant }
