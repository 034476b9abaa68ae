using System.Globalization;
using System.Text.RegularExpressions;

namespace ControlPlane.RealHost.Tests;

/// <summary>Reads a guest's serial log (appended across boots) for the test guest's CP-* markers.</summary>
internal sealed partial class SerialConsole(string path)
{
    public static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(90);

    public string Path { get; } = path;

    public string Text()
    {
        if (!File.Exists(Path))
        {
            return string.Empty;
        }

        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public string[] Lines() => Text().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public int Boots() => Lines().Count(l => l.StartsWith("CP-BOOT-OK", StringComparison.Ordinal));

    /// <summary>The last heartbeat counter of the current (latest) boot, or 0.</summary>
    public int Heartbeat() =>
        CurrentBoot().LastOrDefault(l => l.StartsWith("CP-HB ", StringComparison.Ordinal)) is { } l
            ? int.Parse(l[6..], CultureInfo.InvariantCulture)
            : 0;

    /// <summary>The lines since the last CP-BOOT-OK.</summary>
    public IEnumerable<string> CurrentBoot()
    {
        var lines = Lines();
        var start = Array.FindLastIndex(lines, l => l.StartsWith("CP-BOOT-OK", StringComparison.Ordinal));
        return lines.Skip(Math.Max(0, start));
    }

    /// <summary>The most recent CP-DEVS line: the guest's eth*/vd* devices.</summary>
    public string Devices() => Lines().LastOrDefault(l => l.StartsWith("CP-DEVS", StringComparison.Ordinal)) ?? string.Empty;

    /// <summary>Results (true = ok) of the guest's pings to <paramref name="target"/>, in order.</summary>
    public List<bool> Pings(string target, int skipLines = 0) =>
        [.. Lines().Skip(skipLines).Select(l => PingLine().Match(l)).Where(m => m.Success && m.Groups[1].Value == target).Select(m => m.Groups[2].Value == "ok")];

    public Task WaitForAsync(Func<SerialConsole, bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync(() => condition(this), timeout ?? BootTimeout, $"{what} in {Path}:\n{Tail()}");

    public Task WaitForBootAsync(int boots = 1) =>
        WaitForAsync(s => s.Boots() >= boots && s.Heartbeat() >= 1, $"boot #{boots} (CP-BOOT-OK then CP-HB)");

    public string Tail(int lines = 15) => string.Join('\n', Lines().TakeLast(lines));

    [GeneratedRegex(@"^CP-PING (\S+) (ok|fail)$")]
    private static partial Regex PingLine();
}
