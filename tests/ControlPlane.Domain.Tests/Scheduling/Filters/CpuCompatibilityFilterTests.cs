using ControlPlane.Domain.Scheduling.Filters;

namespace ControlPlane.Domain.Tests.Scheduling.Filters;

public class CpuCompatibilityFilterTests
{
    [Theory]
    [InlineData("Skylake-Server", null, true)]
    [InlineData("Skylake-Server", "Haswell", true)]
    [InlineData("Skylake-Server", "Skylake-Server", true)]
    [InlineData("Haswell", "Icelake-Server", false)]
    [InlineData("EPYC-Rome", "EPYC-Rome", true)]
    [InlineData("EPYC-Rome", "Haswell", false)]
    [InlineData("Skylake-Server", "EPYC-Rome", false)]
    public void Accepts_RequestedModel_NeedsAtLeastAsCapableHost(string hostModel, string? wanted, bool expected)
    {
        var snapshot = Build.Snapshot([Build.Host("h1", model: hostModel)], []);

        Assert.Equal(expected, new CpuCompatibilityFilter().Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n", model: wanted))));
    }
}
