using ControlPlane.Agent.Hypervisor.Qemu;

namespace ControlPlane.RealHost.Tests;

/// <summary>
/// Two test hosts made by scripts/testhosts.sh (namespaces cprt-h1, cprt-h2 with uplinks eth1/eth2 into
/// the physical switch cprt-phys), torn down afterwards with <c>testhosts.sh down</c>.
/// </summary>
public sealed class TestBedFixture : IAsyncLifetime
{
    public const string Prefix = "cprt";

    public string Work { get; } = Path.Combine(Path.GetTempPath(), $"cprt-{Environment.ProcessId}-bed");
    public bool Created { get; private set; }
    public static string Script => Path.Combine(RealHostEnvironment.RepoRoot, "scripts", "testhosts.sh");

    public static string Namespace(int host) => $"{Prefix}-h{host}";

    public string HostDir(int host) => Path.Combine(Work, $"hosts-{Prefix}", Namespace(host));

    public async Task InitializeAsync()
    {
        if (RealHostEnvironment.Missing() is not null)
        {
            return;
        }

        await RunScriptAsync("down");
        Created = true;
        await RunScriptAsync("up", "2");
    }

    public async Task DisposeAsync()
    {
        if (!Created)
        {
            return;
        }

        for (var h = 1; h <= 2; h++)
        {
            GuestReaper.KillAll(HostDir(h));
        }

        await RunScriptAsync("down");
        if (Directory.Exists(Work))
        {
            Directory.Delete(Work, recursive: true);
        }
    }

    private Task<string> RunScriptAsync(params string[] args) =>
        new CommandRunner().RunAsync(Script, args, CancellationToken.None,
            new Dictionary<string, string> { ["CP_PREFIX"] = Prefix, ["CP_WORK"] = Work });
}
