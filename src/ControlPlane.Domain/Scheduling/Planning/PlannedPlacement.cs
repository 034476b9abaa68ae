namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>Where a requested VM goes once the plan's moves are done.</summary>
public sealed record PlannedPlacement(string RequestId, string HostId);
