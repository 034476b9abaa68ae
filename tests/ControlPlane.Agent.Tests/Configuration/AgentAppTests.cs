using ControlPlane.Agent.Configuration;
using ControlPlane.Agent.Hypervisor;
using ControlPlane.Agent.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ControlPlane.Agent.Tests.Configuration;

public sealed class AgentAppTests
{
    [Fact]
    public async Task Create_CommandLineSettings_BindTheAgentSection()
    {
        using var dir = new TempDir();

        await using var app = await AgentApp.CreateAsync(
        [
            "--Agent:ControlPlaneUrl=http://127.0.0.1:5080", $"--Agent:DataDir={dir.Path}", "--Agent:Name=h1",
            "--Agent:ReportIntervalSeconds=5", "--Agent:Simulated:CpuCores=8", "--Agent:Address=10.0.0.1",
        ]);

        var options = app.Services.GetRequiredService<IOptions<AgentOptions>>().Value;
        Assert.Equal(
            ("h1", 5, 30, 8, "10.0.0.1"),
            (options.Name, options.ReportIntervalSeconds, options.ResyncIntervalSeconds, options.Simulated.CpuCores, options.Address));
        Assert.Equal(8, app.Services.GetRequiredService<IHypervisor>().Capacity.CpuCores);
    }

    [Theory]
    [InlineData("--Agent:Driver=xen", "Unknown hypervisor driver 'xen'")]
    [InlineData("--Agent:NetworkDriver=linuxbridge", "Unknown network driver 'linuxbridge'")]
    public async Task Create_UnknownDriver_FailsWithAClearMessage(string setting, string expected)
    {
        using var dir = new TempDir();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AgentApp.CreateAsync(
            ["--Agent:ControlPlaneUrl=http://127.0.0.1:5080", $"--Agent:DataDir={dir.Path}", setting]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NoControlPlaneUrl_NamesTheMissingSetting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AgentApp.CreateAsync([]));

        Assert.Contains("Agent:ControlPlaneUrl", error.Message, StringComparison.Ordinal);
    }
}
