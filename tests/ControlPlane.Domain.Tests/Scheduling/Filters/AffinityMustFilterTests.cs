using ControlPlane.Domain.Scheduling.Filters;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Tests.Scheduling.Filters;

public class AffinityMustFilterTests
{
    private static readonly PolicySet Together = new([], [], [new VmVmAffinityPolicy("af", Build.Select("app=cache"), Enforcement.Must)]);

    [Fact]
    public void Accepts_MembersRunElsewhere_OnlyTheirHostPasses()
    {
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2")], [Build.Vm("a", "h2", categories: ["app=cache"])], Together);
        var context = Build.Context(snapshot, Build.Request("n", categories: ["app=cache"]));

        Assert.False(new AffinityMustFilter().Accepts(Build.Load(snapshot, "h1"), context));
        Assert.True(new AffinityMustFilter().Accepts(Build.Load(snapshot, "h2"), context));
    }

    [Fact]
    public void Accepts_FirstMember_AnyHostPasses()
    {
        var snapshot = Build.Snapshot([Build.Host("h1")], [], Together);

        Assert.True(new AffinityMustFilter().Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n", categories: ["app=cache"]))));
    }
}
