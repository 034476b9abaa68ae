namespace ControlPlane.Domain.Scheduling.Policies;

/// <summary>Why a set of policies is refused: the kind, the policies involved and a sentence for the user.</summary>
public sealed record PolicyProblem(PolicyProblemKind Kind, IReadOnlyList<string> PolicyIds, string Message);
