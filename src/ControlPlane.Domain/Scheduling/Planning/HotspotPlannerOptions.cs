namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>When the exact search is tried (cluster size) and how many states it may expand before falling back.</summary>
public sealed record HotspotPlannerOptions(int ExactSearchMaxVms = 40, int ExactSearchMaxHosts = 16, int ExactSearchBudget = 10_000);
