using ControlPlane.Domain.Scheduling.Policies;
using ControlPlane.Domain.Scheduling.Weighers;

namespace ControlPlane.Domain.Tests.Scheduling.Weighers;

public class WeigherTests
{
    private static readonly Domain.Scheduling.ClusterSnapshot Cluster = Build.Snapshot(
        [Build.Host("h1"), Build.Host("h2")],
        [Build.Vm("a", "h1", 8192, categories: ["app=db"]), Build.Vm("b", "h2", 16384, categories: ["app=web"])],
        new PolicySet([], [new VmVmAntiAffinityPolicy("aa", Build.Select("app=db"))], [new VmVmAffinityPolicy("af", Build.Select("app=web"))]));

    [Fact]
    public void FreeMemoryWeigher_MoreFreeMemory_ScoresHigher()
    {
        var context = Build.Context(Cluster, Build.Request("n"));

        Assert.True(new FreeMemoryWeigher().Score(Build.Load(Cluster, "h1"), context) > new FreeMemoryWeigher().Score(Build.Load(Cluster, "h2"), context));
    }

    [Fact]
    public void PackingWeigher_LessFreeMemory_ScoresHigher()
    {
        var context = Build.Context(Cluster, Build.Request("n"));

        Assert.True(new PackingWeigher().Score(Build.Load(Cluster, "h2"), context) > new PackingWeigher().Score(Build.Load(Cluster, "h1"), context));
    }

    [Fact]
    public void SoftAntiAffinityWeigher_HostWithGroupMember_ScoresLower()
    {
        var context = Build.Context(Cluster, Build.Request("n", categories: ["app=db"]));

        Assert.True(new SoftAntiAffinityWeigher().Score(Build.Load(Cluster, "h2"), context) > new SoftAntiAffinityWeigher().Score(Build.Load(Cluster, "h1"), context));
    }

    [Fact]
    public void SoftAffinityWeigher_HostWithGroupMember_ScoresHigher()
    {
        var context = Build.Context(Cluster, Build.Request("n", categories: ["app=web"]));

        Assert.True(new SoftAffinityWeigher().Score(Build.Load(Cluster, "h2"), context) > new SoftAffinityWeigher().Score(Build.Load(Cluster, "h1"), context));
    }
}
