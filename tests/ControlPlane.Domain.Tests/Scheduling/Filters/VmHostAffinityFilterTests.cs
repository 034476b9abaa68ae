using ControlPlane.Domain.Scheduling.Filters;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Tests.Scheduling.Filters;

public class VmHostAffinityFilterTests
{
    private static readonly PolicySet DbOnRackA = new([new VmHostAffinityPolicy("p1", Build.Select("app=db"), Build.Select("rack=a"))], [], []);

    [Fact]
    public void Accepts_MatchingVmOnDisallowedHost_Rejects()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", categories: ["rack=b"])], [], DbOnRackA);

        Assert.False(new VmHostAffinityFilter().Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n", categories: ["app=db"]))));
    }

    [Fact]
    public void Accepts_MatchingVmOnAllowedHost_Passes()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", categories: ["rack=a", "row=1"])], [], DbOnRackA);

        Assert.True(new VmHostAffinityFilter().Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n", categories: ["app=db", "tier=1"]))));
    }

    [Fact]
    public void Accepts_VmMatchingOnlySomeCategories_IsNotBound()
    {
        var policies = new PolicySet([new VmHostAffinityPolicy("p1", Build.Select("app=db", "env=prod"), Build.Select("rack=a"))], [], []);
        var snapshot = Build.Snapshot([Build.Host("h1", categories: ["rack=b"])], [], policies);

        Assert.True(new VmHostAffinityFilter().Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n", categories: ["app=db"]))));
    }
}
