using ControlPlane.Domain.Scheduling;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Tests.Scheduling;

public class SchedulerTests
{
    [Fact]
    public void Place_EqualHosts_TieBreaksByLowestHostId()
    {
        var snapshot = Build.Snapshot([Build.Host("h2"), Build.Host("h1"), Build.Host("h3")], []);

        var decision = Assert.IsType<Placed>(Scheduler.Default.Place(snapshot, Build.Request("n")));

        Assert.Equal("h1", decision.HostId);
        Assert.Equal(3, decision.Scores.Count);
    }

    [Fact]
    public void Place_NoHostHasFreeMemory_ReportsRejectionsPerFilter()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", memoryMiB: 4096), Build.Host("h2", memoryMiB: 4096),
            Build.Host("h3", state: SchedulerHostState.Maintenance)], []);

        var decision = Assert.IsType<Unplaceable>(Scheduler.Default.Place(snapshot, Build.Request("n", 8192)));

        Assert.Equal(2, decision.Rejections["MemoryFilter"]);
        Assert.Equal(1, decision.Rejections["HostStateFilter"]);
        Assert.StartsWith("MemoryFilter: 4096 MiB free", decision.ReasonsByHost["h1"], StringComparison.Ordinal);
    }

    [Fact]
    public void Place_SpreadsByFreeMemory_PicksEmptiestHost()
    {
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2")], [Build.Vm("a", "h1", 8192)]);

        Assert.Equal("h2", Assert.IsType<Placed>(Scheduler.Default.Place(snapshot, Build.Request("n"))).HostId);
    }

    [Fact]
    public void Place_ShouldAntiAffinity_AvoidsHostWithMemberWhileAnotherFits()
    {
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2")],
            [Build.Vm("a", "h2", 2048, categories: ["app=db"]), Build.Vm("b", "h1", 1024)],
            Build.AntiAffinity("aa", Enforcement.Should, "app=db"));

        Assert.Equal("h1", Assert.IsType<Placed>(Scheduler.Default.Place(snapshot, Build.Request("n", categories: ["app=db"]))).HostId);
    }

    [Fact]
    public void Place_ShouldAntiAffinityWhenConstrained_YieldsInsteadOfRefusing()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", memoryMiB: 8192), Build.Host("h2", memoryMiB: 8192)],
            [Build.Vm("a", "h1", 2048, categories: ["app=db"]), Build.Vm("b", "h2", 8192)],
            Build.AntiAffinity("aa", Enforcement.Should, "app=db"));

        Assert.Equal("h1", Assert.IsType<Placed>(Scheduler.Default.Place(snapshot, Build.Request("n", categories: ["app=db"]))).HostId);
    }

    [Fact]
    public void Place_MustAntiAffinityWhenConstrained_Refuses()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", memoryMiB: 8192), Build.Host("h2", memoryMiB: 8192)],
            [Build.Vm("a", "h1", 2048, categories: ["app=db"]), Build.Vm("b", "h2", 8192)],
            Build.AntiAffinity("aa", Enforcement.Must, "app=db"));

        var decision = Assert.IsType<Unplaceable>(Scheduler.Default.Place(snapshot, Build.Request("n", categories: ["app=db"])));

        Assert.Equal(1, decision.Rejections["AntiAffinityMustFilter"]);
    }

    [Fact]
    public void PlaceAll_ConsumesCapacityAsItGoes_NeverOvercommits()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", memoryMiB: 8192), Build.Host("h2", memoryMiB: 8192)], []);
        var requests = Enumerable.Range(0, 5).Select(i => Build.Request($"n{i}", 4096, cpu: 0.5)).ToArray();

        var decisions = Scheduler.Default.PlaceAll(snapshot, requests);

        Assert.Equal(4, decisions.OfType<Placed>().Count());
        Assert.All(decisions.OfType<Placed>().GroupBy(p => p.HostId), g => Assert.Equal(2, g.Count()));
        Assert.IsType<Unplaceable>(decisions[4]);
    }

    [Fact]
    public void Place_SameSnapshotTwice_IsAPureFunction()
    {
        var snapshot = Build.SeedExample();
        var request = Build.Request("n", 2048, cpu: 0.5);

        var first = Assert.IsType<Placed>(Scheduler.Default.Place(snapshot, request));
        var second = Assert.IsType<Placed>(Scheduler.Default.Place(snapshot, request));

        Assert.Equal(first.HostId, second.HostId);
        Assert.Equal(first.Scores, second.Scores);
    }

    [Fact]
    public void Recheck_ConcurrentCreateTookTheRoom_RejectsSoCallerReplans()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", memoryMiB: 8192), Build.Host("h2", memoryMiB: 8192)], [],
            Build.AntiAffinity("aa", Enforcement.Must, "app=db"));
        var request = Build.Request("n", 4096, categories: ["app=db"]);
        var planned = Assert.IsType<Placed>(Scheduler.Default.Place(snapshot, request));
        var raced = snapshot with { Vms = [Build.Vm("other", planned.HostId, 2048, categories: ["app=db"])] };

        var rejections = Scheduler.Default.Recheck(raced, planned.HostId, request);

        Assert.Equal(["AntiAffinityMustFilter"], rejections.Keys);
        Assert.Empty(Scheduler.Default.Recheck(snapshot, planned.HostId, request));
        Assert.NotEqual(planned.HostId, Assert.IsType<Placed>(Scheduler.Default.Place(raced, request)).HostId);
    }
}
