using Xunit.Abstractions;

namespace ControlPlane.RealHost.Tests;

/// <summary>
/// Where the repository and the test guest are, and whether this machine can run real-host tests.
/// Missing prerequisites fail the test (always with CI=true); locally they fail too unless
/// CONTROLPLANE_SKIP_REALHOST=1, and then the test returns early saying so. Never a silent skip.
/// </summary>
internal static class RealHostEnvironment
{
    private static readonly string[] Tools =
        ["qemu-system-x86_64", "qemu-img", "ovs-vsctl", "ovs-appctl", "ovsdb-server", "ovs-vswitchd", "ovsdb-tool", "ip"];

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string GuestDirectory =>
        Environment.GetEnvironmentVariable("CP_GUEST") is { Length: > 0 } g ? g : Path.Combine(RepoRoot, ".work", "guest");

    public static string Kernel => Path.Combine(GuestDirectory, "vmlinux");
    public static string Initrd => Path.Combine(GuestDirectory, "initrd.gz");

    /// <summary>What is missing, or null when everything is there.</summary>
    public static string? Missing()
    {
        var missing = new List<string>();
        if (!IsRoot())
        {
            missing.Add("root (namespaces, taps)");
        }

        missing.AddRange(Tools.Where(t => !OnPath(t)));
        if (!File.Exists("/dev/net/tun"))
        {
            missing.Add("/dev/net/tun");
        }

        missing.AddRange(new[] { Kernel, Initrd }.Where(f => !File.Exists(f)));
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    /// <summary>True when the test can run; otherwise fails it, or (explicit local opt-out) logs why and returns false.</summary>
    public static bool Ready(ITestOutputHelper output)
    {
        if (Missing() is not { } missing)
        {
            return true;
        }

        var message = $"Real-host prerequisites missing: {missing}. Run scripts/prereqs.sh (as root).";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("CI=true: " + message);
        }

        if (Environment.GetEnvironmentVariable("CONTROLPLANE_SKIP_REALHOST") == "1")
        {
            output.WriteLine("NOT RUN (CONTROLPLANE_SKIP_REALHOST=1): " + message);
            return false;
        }

        Assert.Fail(message + " Set CONTROLPLANE_SKIP_REALHOST=1 to skip explicitly.");
        return false;
    }

    private static bool IsRoot() =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal)) is { } uid
        && uid.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0";

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin"])
            .Any(dir => File.Exists(Path.Combine(dir, tool)));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ControlPlane.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ControlPlane.sln not found above " + AppContext.BaseDirectory);
    }
}
