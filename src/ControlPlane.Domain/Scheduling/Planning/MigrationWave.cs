namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>Moves that may run at the same time: each host in at most two of them, each target with room for all.</summary>
public sealed record MigrationWave(int Index, IReadOnlyList<PlannedMove> Moves);
