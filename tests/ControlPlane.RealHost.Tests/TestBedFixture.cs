namespace ControlPlane.RealHost.Tests;

/// <summary>
/// Two test hosts made by scripts/testhosts.sh (namespaces cprt-h1, cprt-h2 with uplinks eth1/eth2 into
/// the physical switch cprt-phys), torn down afterwards with <c>testhosts.sh down</c>.
/// </summary>
public sealed class TestBedFixture : IAsyncLifetime
{
    private const string Prefix = "cprt";
    private readonly TestBed _bed = new(Prefix, Path.Combine(Path.GetTempPath(), $"{Prefix}-{Environment.ProcessId}-bed"));

    public bool Created { get; private set; }

    public static string Namespace(int host) => $"{Prefix}-h{host}";

    public string HostDir(int host) => _bed.HostDir(host);

    internal TestBed Bed => _bed;

    public async Task InitializeAsync()
    {
        if (RealHostEnvironment.Missing() is not null)
        {
            return;
        }

        await _bed.RunScriptAsync("down");
        Created = true;
        await _bed.RunScriptAsync("up", "2");
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

        await _bed.RunScriptAsync("down");
        if (Directory.Exists(_bed.Work))
        {
            Directory.Delete(_bed.Work, recursive: true);
        }
    }
}
