namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>Something a plan could not fix: the host, VM or request concerned, and why.</summary>
public sealed record PlanIssue(string Subject, PlanIssueKind Kind, string Detail);
