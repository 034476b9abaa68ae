using ControlPlane.Agent.Hypervisor.Qemu;
using ControlPlane.Agent.Network.Ovs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ControlPlane.RealHost.Tests;

/// <summary>
/// One private network namespace and data folder for QEMU lifecycle tests (taps QEMU creates stay in
/// the namespace). Cleans up guests, namespace and folder afterwards.
/// </summary>
public sealed class QemuHostFixture : IAsyncLifetime
{
    private static int _count;

    public QemuHostFixture()
    {
        var n = Interlocked.Increment(ref _count);
        Namespace = $"cprt-q{Environment.ProcessId % 10000}-{n}";
        DataDir = Path.Combine(Path.GetTempPath(), $"cprt-{Environment.ProcessId}-q{n}");
    }

    public string Namespace { get; }
    public string DataDir { get; }
    public bool Created { get; private set; }

    public async Task InitializeAsync()
    {
        if (RealHostEnvironment.Missing() is not null)
        {
            return;
        }

        Directory.CreateDirectory(DataDir);
        await new CommandRunner().RunAsync("ip", ["netns", "add", Namespace], CancellationToken.None);
        await new CommandRunner(Namespace).RunAsync("ip", ["link", "set", "lo", "up"], CancellationToken.None);
        Created = true;
    }

    public async Task DisposeAsync()
    {
        GuestReaper.KillAll(DataDir);
        if (Created)
        {
            await new CommandRunner().TryRunAsync("ip", ["netns", "del", Namespace], CancellationToken.None);
        }

        if (Directory.Exists(DataDir))
        {
            Directory.Delete(DataDir, recursive: true);
        }
    }

    internal QemuHypervisor NewHypervisor() => NewHypervisor(DataDir, Namespace);

    internal static QemuHypervisor NewHypervisor(string dataDir, string networkNamespace) =>
        new(Options.Create(new QemuOptions
        {
            DataDir = dataDir,
            NetworkNamespace = networkNamespace,
            Kernel = RealHostEnvironment.Kernel,
            Initrd = RealHostEnvironment.Initrd,
            Accelerator = Environment.GetEnvironmentVariable("CP_QEMU_ACCEL") is { Length: > 0 } a ? a : "tcg",
            StopTimeout = TimeSpan.FromSeconds(10),
        }), NullLogger<QemuHypervisor>.Instance);

    internal static OvsNetworkDriver NewNetwork(string dataDir, string networkNamespace, string hostAddress) =>
        new(Options.Create(new OvsOptions
        {
            DataDir = dataDir,
            NetworkNamespace = networkNamespace,
            HostAddress = hostAddress,
            Uplinks = "eth1,eth2",
        }), NullLogger<OvsNetworkDriver>.Instance);
}
