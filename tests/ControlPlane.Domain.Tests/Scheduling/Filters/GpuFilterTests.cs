using ControlPlane.Domain.Scheduling.Filters;

namespace ControlPlane.Domain.Tests.Scheduling.Filters;

public class GpuFilterTests
{
    private static readonly Dictionary<string, int> TwoA16 = new() { ["A16-4Q"] = 2 };

    [Fact]
    public void Accepts_ProfileHasFreeSlot_Passes()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", gpus: TwoA16)], [Build.Vm("a", "h1", gpus: ["A16-4Q"])]);

        Assert.True(new GpuFilter().Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n", gpus: ["A16-4Q"]))));
    }

    [Fact]
    public void Accepts_ProfileExhausted_Rejects()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", gpus: TwoA16)], [Build.Vm("a", "h1", gpus: ["A16-4Q", "A16-4Q"])]);

        Assert.False(new GpuFilter().Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n", gpus: ["A16-4Q"]))));
    }

    [Fact]
    public void Accepts_HostLacksProfile_Rejects()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", gpus: TwoA16)], []);
        var context = Build.Context(snapshot, Build.Request("n", gpus: ["L4-8Q"]));

        Assert.False(new GpuFilter().Accepts(Build.Load(snapshot, "h1"), context));
        Assert.Contains("L4-8Q", new GpuFilter().Explain(Build.Load(snapshot, "h1"), context), StringComparison.Ordinal);
    }
}
