using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Scheduling.Verification;

/// <summary>An answer as the verifier reads it: moves, placements, ids left unplaced, listed violations and claimed cost.</summary>
public sealed record AnswerToVerify(
    IReadOnlyList<PlannedMove> Moves,
    IReadOnlyList<PlannedPlacement> Placements,
    IReadOnlyList<string> Unplaced,
    IReadOnlyList<(string PolicyId, string VmId)> Violations,
    long CostMiB);
