using System.Diagnostics;

namespace ControlPlane.RealHost.Tests;

/// <summary>
/// Test hosts made by scripts/testhosts.sh under a prefix of their own (namespaces PREFIX-h1..N, uplinks
/// eth1/eth2 into the physical switch PREFIX-phys), with their data under <see cref="Work"/>. Shared by the
/// driver tests and the end-to-end tests (linked into both projects).
/// </summary>
internal sealed class TestBed(string prefix, string work)
{
    public string Prefix { get; } = prefix;

    /// <summary>Short on purpose: QMP socket paths below it must stay under 108 characters.</summary>
    public string Work { get; } = work;

    public static string Script => Path.Combine(RealHostEnvironment.RepoRoot, "scripts", "testhosts.sh");

    public string Namespace(int host) => $"{Prefix}-h{host}";

    public string HostDir(int host) => HostDir(Namespace(host));

    public string HostDir(string hostName) => Path.Combine(Work, $"hosts-{Prefix}", hostName);

    /// <summary>Runs testhosts.sh with this bed's prefix and folder; fails with the script's output when it fails.</summary>
    public async Task RunScriptAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CP_PREFIX"] = Prefix;
        start.Environment["CP_WORK"] = Work;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + Script);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"testhosts.sh {string.Join(' ', args)} exited {process.ExitCode}:\n{await stdout}{await stderr}");
        }
    }

    public Task RunScriptAsync(params string[] args) => RunScriptAsync(new Dictionary<string, string>(), args);
}
