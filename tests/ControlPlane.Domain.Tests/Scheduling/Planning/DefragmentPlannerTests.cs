using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Tests.Scheduling.Planning;

public class DefragmentPlannerTests
{
    [Fact]
    public void Plan_NoHostFitsButClusterHasRoom_MovesCheapestVmThenPlaces()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", 32, 65536), Build.Host("h2", 32, 65536)],
            [Build.Vm("a", "h1", 40960), Build.Vm("b", "h1", 8192), Build.Vm("c", "h2", 16384), Build.Vm("d", "h2", 32768)]);

        var plan = DefragmentPlanner.Plan(snapshot, [Build.Request("big", 24576)]);

        Assert.Equal(new PlannedMove("b", "h1", "h2", 8192, MoveReason.MakeRoom), Assert.Single(plan.Moves));
        Assert.Equal(new PlannedPlacement("big", "h1"), Assert.Single(plan.Placements));
        Assert.Equal(8192, plan.LowerBoundMiB);
    }

    [Fact]
    public void Plan_RequestFitsDirectly_NoMoves()
    {
        var plan = DefragmentPlanner.Plan(Build.Snapshot([Build.Host("h1")], []), [Build.Request("n")]);

        Assert.Empty(plan.Moves);
        Assert.Single(plan.Placements);
    }

    [Fact]
    public void Plan_ClusterFullInTotal_ReportsUnplacedWithRejections()
    {
        var plan = DefragmentPlanner.Plan(Build.Snapshot([Build.Host("h1", memoryMiB: 8192)], [Build.Vm("a", "h1", 6144)]), [Build.Request("n", 4096)]);

        var unplaced = Assert.Single(plan.Unplaced);
        Assert.Equal(1, unplaced.Rejections["MemoryFilter"]);
    }
}
