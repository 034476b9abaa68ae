using ControlPlane.Domain.Scheduling.Planning;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Tests.Scheduling.Planning;

public class PolicyEnforcementPlannerTests
{
    [Fact]
    public void Plan_VmOnDisallowedHost_MovesItToAllowedHost()
    {
        var policies = new PolicySet([new VmHostAffinityPolicy("p1", Build.Select("app=web"), Build.Select("rack=a"))], [], []);
        var snapshot = Build.Snapshot([Build.Host("h1", categories: ["rack=b"]), Build.Host("h2", categories: ["rack=a"])],
            [Build.Vm("w", "h1", categories: ["app=web"])], policies);

        var plan = PolicyEnforcementPlanner.Plan(snapshot);

        Assert.Equal(new PlannedMove("w", "h1", "h2", 4096, MoveReason.HostAffinity), Assert.Single(plan.Moves));
        Assert.Empty(plan.Violations);
    }

    [Fact]
    public void Plan_CrowdedAntiAffinityGroup_KeepsLargestAndSpreadsOthers()
    {
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2"), Build.Host("h3")],
            [Build.Vm("big", "h1", 16384, categories: ["app=db"]), Build.Vm("s1", "h1", 2048, categories: ["app=db"]), Build.Vm("s2", "h1", 4096, categories: ["app=db"])],
            Build.AntiAffinity("aa", Enforcement.Should, "app=db"));

        var plan = PolicyEnforcementPlanner.Plan(snapshot);

        Assert.Equal(["s1", "s2"], plan.Moves.Select(m => m.VmId).Order());
        Assert.Equal(6144, plan.CostMiB);
        Assert.Equal(plan.LowerBoundMiB, plan.CostMiB);
        Assert.Empty(plan.Violations);
    }

    [Fact]
    public void Plan_ShouldAntiAffinityWhenConstrained_YieldsAndReportsViolation()
    {
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2", memoryMiB: 4096)],
            [Build.Vm("a", "h1", 8192, categories: ["app=db"]), Build.Vm("b", "h1", 8192, categories: ["app=db"])],
            Build.AntiAffinity("aa", Enforcement.Should, "app=db"));

        var plan = PolicyEnforcementPlanner.Plan(snapshot);

        Assert.Empty(plan.Moves);
        Assert.Equal(["a", "b"], plan.Violations.Select(v => v.VmId).Order());
        Assert.All(plan.Violations, v => Assert.Equal(Enforcement.Should, v.Enforcement));
        Assert.Equal(PlanIssueKind.NotEnoughResources, Assert.Single(plan.Issues).Kind);
    }

    [Fact]
    public void Plan_SplitMustAffinityGroup_GathersOnHostWithMostMemory()
    {
        var policies = new PolicySet([], [], [new VmVmAffinityPolicy("af", Build.Select("app=cache"), Enforcement.Must)]);
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2")],
            [Build.Vm("a", "h1", 8192, categories: ["app=cache"]), Build.Vm("b", "h2", 2048, categories: ["app=cache"])], policies);

        var plan = PolicyEnforcementPlanner.Plan(snapshot);

        Assert.Equal(new PlannedMove("b", "h2", "h1", 2048, MoveReason.Affinity), Assert.Single(plan.Moves));
        Assert.Empty(plan.Violations);
    }

    [Fact]
    public void Plan_MustOnly_RepairsMustRulesAndReportsShouldOnes()
    {
        var policies = new PolicySet([new VmHostAffinityPolicy("p1", Build.Select("app=db"), Build.Select("rack=a"))],
            [new VmVmAntiAffinityPolicy("aa", Build.Select("app=web"))], []);
        var snapshot = Build.Snapshot([Build.Host("h1", categories: ["rack=b"]), Build.Host("h2", categories: ["rack=a"])],
            [Build.Vm("db", "h1", categories: ["app=db"]), Build.Vm("w1", "h1", categories: ["app=web"]), Build.Vm("w2", "h1", categories: ["app=web"])], policies);

        var plan = PolicyEnforcementPlanner.Plan(snapshot, mustOnly: true);

        Assert.Equal("db", Assert.Single(plan.Moves).VmId);
        Assert.Equal(["w1", "w2"], plan.Violations.Select(v => v.VmId).Order());
        Assert.True(PolicyEnforcementPlanner.BreaksMustRules(snapshot));
        Assert.False(PolicyEnforcementPlanner.BreaksMustRules(plan.ApplyTo(snapshot)));
    }
}
