using ControlPlane.Domain.Scheduling;
using ControlPlane.Domain.Scheduling.Compliance;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Tests.Scheduling.Policies;

public class ComplianceEvaluatorTests
{
    [Fact]
    public void Evaluate_AntiAffinityGroupLargerThanHosts_ReportsNotEnoughHosts()
    {
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2")],
            [Build.Vm("a", "h1", categories: ["app=db"]), Build.Vm("b", "h1", categories: ["app=db"]), Build.Vm("c", "h2", categories: ["app=db"])],
            Build.AntiAffinity("aa", Enforcement.Must, "app=db"));

        var policy = Assert.Single(ComplianceEvaluator.Evaluate(snapshot));

        Assert.Equal(1, policy.NumCompliant);
        Assert.All(policy.Vms.Where(v => v.HostId == "h1"), v => Assert.Equal(NonComplianceReason.NotEnoughHosts, v.Reason));
    }

    [Fact]
    public void Evaluate_FreeHostForSharedVm_ReportsPendingEnforcement()
    {
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2")],
            [Build.Vm("a", "h1", categories: ["app=db"]), Build.Vm("b", "h1", categories: ["app=db"])],
            Build.AntiAffinity("aa", Enforcement.Should, "app=db"));

        var policy = Assert.Single(ComplianceEvaluator.Evaluate(snapshot));

        Assert.All(policy.Vms, v => Assert.Equal(NonComplianceReason.PendingEnforcement, v.Reason));
    }

    [Fact]
    public void Evaluate_NoRoomOnFreeHost_ReportsNotEnoughResources()
    {
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2", memoryMiB: 4096)],
            [Build.Vm("a", "h1", 8192, categories: ["app=db"]), Build.Vm("b", "h1", 8192, categories: ["app=db"])],
            Build.AntiAffinity("aa", Enforcement.Should, "app=db"));

        Assert.All(Assert.Single(ComplianceEvaluator.Evaluate(snapshot)).Vms, v => Assert.Equal(NonComplianceReason.NotEnoughResources, v.Reason));
    }

    [Fact]
    public void Evaluate_HostAffinity_ReportsCompliantAndUnavailable()
    {
        var policies = new PolicySet([new VmHostAffinityPolicy("p1", Build.Select("app=db"), Build.Select("rack=a"))], [], []);
        var snapshot = Build.Snapshot([Build.Host("h1", categories: ["rack=a"]), Build.Host("h2", state: SchedulerHostState.Unreachable, categories: ["rack=a"])],
            [Build.Vm("a", "h1", categories: ["app=db"]), Build.Vm("b", "h2", categories: ["app=db"])], policies);

        var vms = Assert.Single(ComplianceEvaluator.Evaluate(snapshot)).Vms.ToDictionary(v => v.VmId);

        Assert.Equal(ComplianceStatus.Compliant, vms["a"].Status);
        Assert.Equal(NonComplianceReason.HostUnavailable, vms["b"].Reason);
    }

    [Fact]
    public void Evaluate_HostAffinityWithNoAllowedHost_ReportsNotEnoughHosts()
    {
        var policies = new PolicySet([new VmHostAffinityPolicy("p1", Build.Select("app=db"), Build.Select("rack=z"))], [], []);
        var snapshot = Build.Snapshot([Build.Host("h1", categories: ["rack=a"])], [Build.Vm("a", "h1", categories: ["app=db"])], policies);

        Assert.Equal(NonComplianceReason.NotEnoughHosts, Assert.Single(Assert.Single(ComplianceEvaluator.Evaluate(snapshot)).Vms).Reason);
    }
}
