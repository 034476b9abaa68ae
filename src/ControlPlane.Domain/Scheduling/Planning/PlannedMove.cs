namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>One live migration of a plan; <see cref="MemoryMiB"/> is what it copies (its cost).</summary>
public sealed record PlannedMove(string VmId, string From, string To, long MemoryMiB, MoveReason Reason);
