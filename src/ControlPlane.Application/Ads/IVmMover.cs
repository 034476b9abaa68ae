using ControlPlane.Domain.Policies;
using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Application.Ads;

/// <summary>
/// Carries out one move of a plan. The migration engine will implement it with live migration; until then
/// <see cref="ColdMover"/> reassigns the VM's host, and the agents stop it on the source and start it on the target.
/// </summary>
public interface IVmMover
{
    Task<MoveResult> MoveAsync(PlannedMove move, CancellationToken ct);
}

public sealed record MoveResult(MoveOutcome Outcome, string Detail);
