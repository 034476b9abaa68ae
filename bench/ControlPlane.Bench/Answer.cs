using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Bench;

/// <summary>One answer (FORMAT.md), plus the figures the report needs that the format does not carry.</summary>
internal sealed record Answer(
    string Name,
    IReadOnlyList<PlannedMove> Moves,
    IReadOnlyList<PlannedPlacement> Placements,
    IReadOnlyList<UnplacedRequest> Unplaced,
    IReadOnlyList<(string PolicyId, string VmId)> Violations,
    long CostMiB,
    long LowerBoundMiB,
    double Millis)
{
    public long? HaReserveMiB { get; init; }
    public int HostsUsed { get; init; }
    public int LowerBoundHosts { get; init; }
    public bool Resolved { get; init; } = true;
    public IReadOnlyList<double> DecisionMillis { get; init; } = [];
}
