using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ControlPlane.RealHost.Tests;

/// <summary>
/// Test hosts made by scripts/testhosts.sh under a prefix of their own (namespaces PREFIX-h1..N, uplinks
/// eth1/eth2 into the physical switch PREFIX-phys), with their data under <see cref="Work"/>. Shared by the
/// driver tests and the end-to-end tests (linked into both projects).
/// </summary>
internal sealed partial class TestBed(string prefix, string work)
{
    public string Prefix { get; } = prefix;

    /// <summary>Short on purpose: QMP socket paths below it must stay under 108 characters.</summary>
    public string Work { get; } = work;

    public static string Script => Path.Combine(RealHostEnvironment.RepoRoot, "scripts", "testhosts.sh");

    public string Namespace(int host) => $"{Prefix}-h{host}";

    public string HostDir(int host) => HostDir(Namespace(host));

    public string HostDir(string hostName) => Path.Combine(Work, $"hosts-{Prefix}", hostName);

    /// <summary>Runs testhosts.sh with this bed's prefix and folder; fails with the script's output when it fails.</summary>
    public Task RunScriptAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(Script, new Dictionary<string, string>(environment) { ["CP_PREFIX"] = Prefix, ["CP_WORK"] = Work }, args);

    public Task RunScriptAsync(params string[] args) => RunScriptAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs a command inside host <paramref name="host"/>'s namespace; returns its standard output.</summary>
    public Task<string> InHostAsync(int host, params string[] command) =>
        RunAsync("ip", new Dictionary<string, string>(), ["netns", "exec", Namespace(host), .. command]);

    /// <summary>The active member (eth1 or eth2) of host <paramref name="host"/>'s uplink bond br0-up, as its agent's OVS shows it.</summary>
    public async Task<string> ActiveUplinkAsync(int host)
    {
        var show = await InHostAsync(host, "ovs-appctl", "-t", Path.Combine(HostDir(host), "ovs", "ovs-vswitchd.ctl"), "bond/show", "br0-up");
        var active = ActiveMember().Match(show).Groups[1].Value;
        return active is "eth1" or "eth2" ? active : throw new InvalidOperationException("no active member of br0-up in:\n" + show);
    }

    [GeneratedRegex(@"active (?:member|slave) mac: \S+\((\S+)\)")]
    private static partial Regex ActiveMember();

    private static async Task<string> RunAsync(string file, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{await stdout}{await stderr}");
        }

        return await stdout;
    }
}
