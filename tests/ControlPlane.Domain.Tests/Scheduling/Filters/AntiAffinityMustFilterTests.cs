using ControlPlane.Domain.Scheduling.Filters;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Tests.Scheduling.Filters;

public class AntiAffinityMustFilterTests
{
    [Fact]
    public void Accepts_HostRunsGroupMember_Rejects()
    {
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2")], [Build.Vm("a", "h1", categories: ["app=db"])],
            Build.AntiAffinity("aa", Enforcement.Must, "app=db"));
        var context = Build.Context(snapshot, Build.Request("n", categories: ["app=db"]));

        Assert.False(new AntiAffinityMustFilter().Accepts(Build.Load(snapshot, "h1"), context));
        Assert.True(new AntiAffinityMustFilter().Accepts(Build.Load(snapshot, "h2"), context));
    }

    [Fact]
    public void Accepts_ShouldPolicy_NeverRejects()
    {
        var snapshot = Build.Snapshot([Build.Host("h1")], [Build.Vm("a", "h1", categories: ["app=db"])],
            Build.AntiAffinity("aa", Enforcement.Should, "app=db"));

        Assert.True(new AntiAffinityMustFilter().Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n", categories: ["app=db"]))));
    }
}
