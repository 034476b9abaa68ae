namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>Applies moves to the working state as a planner decides them, so the order is valid by construction.</summary>
internal sealed class PlanBuilder(ClusterState state)
{
    private readonly List<PlannedMove> _moves = [];
    private readonly List<PlannedPlacement> _placements = [];

    public ClusterState State { get; } = state;
    public List<PlanIssue> Issues { get; } = [];
    public List<UnplacedRequest> Unplaced { get; } = [];
    public IReadOnlyList<PlannedMove> Moves => _moves;

    public void Move(int v, int to, MoveReason reason)
    {
        var vm = State.Vms[v];
        _moves.Add(new PlannedMove(vm.Id, State.Hosts[State.HostOf[v]].Id, State.Hosts[to].Id, vm.MemoryMiB, reason));
        State.Move(v, to);
    }

    public void Place(int v, int to)
    {
        _placements.Add(new PlannedPlacement(State.Vms[v].Id, State.Hosts[to].Id));
        State.Move(v, to);
        State.Pinned[v] = true;
    }

    public Plan Build(PlanKind kind, long lowerBoundMiB) =>
        new(kind, [.. _moves], _moves.Sum(m => m.MemoryMiB), lowerBoundMiB, State.Violations(), [.. Issues])
        {
            Placements = [.. _placements],
            Unplaced = [.. Unplaced],
            Waves = PlanSequencer.Sequence(State.Snapshot, _moves),
        };
}
