using ControlPlane.Agent.Hypervisor;
using ControlPlane.Agent.Hypervisor.Qemu;
using ControlPlane.Agent.Network;
using ControlPlane.Agent.Network.Ovs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ControlPlane.RealHost.Tests;

public sealed class DriverRegistrationTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"cprt-di-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AddDrivers_BindAgentSettings_FromRootOrAgentSection(bool passAgentSection)
    {
        IConfiguration root = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agent:DataDir"] = _dataDir,
            ["Agent:Qemu:Accelerator"] = "kvm",
            ["Agent:Qemu:Kernel"] = "/guest/vmlinux",
            ["Agent:Qemu:StopTimeout"] = "00:00:03",
            ["Agent:Ovs:Uplinks"] = "eth3",
            ["Agent:Ovs:HostAddress"] = "10.99.0.11/24",
        }).Build();
        var configuration = passAgentSection ? root.GetSection("Agent") : root;
        var services = new ServiceCollection().AddLogging();

        services.AddQemuHypervisor(configuration).AddOvsNetwork(configuration);
        await using var provider = services.BuildServiceProvider();

        var qemu = provider.GetRequiredService<IOptions<QemuOptions>>().Value;
        Assert.Equal((_dataDir, "kvm", "/guest/vmlinux", "max", TimeSpan.FromSeconds(3)), (qemu.DataDir, qemu.Accelerator, qemu.Kernel, qemu.CpuModel, qemu.StopTimeout));
        var ovs = provider.GetRequiredService<IOptions<OvsOptions>>().Value;
        Assert.Equal((_dataDir, "eth3", "10.99.0.11/24"), (ovs.DataDir, ovs.Uplinks, ovs.HostAddress));
        Assert.Equal("qemu", provider.GetRequiredService<IHypervisor>().Name);
        Assert.Same(provider.GetRequiredService<QemuHypervisor>(), provider.GetRequiredService<IHypervisor>());
        Assert.Equal("ovs", provider.GetRequiredService<INetworkDriver>().Name);
        Assert.Equal("max", provider.GetRequiredService<IHypervisor>().Capacity.CpuModel);
    }
}
