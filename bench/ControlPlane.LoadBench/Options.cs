using System.Globalization;

namespace ControlPlane.LoadBench;

/// <summary>Command line options of the form <c>--name=value</c>.</summary>
internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args) => new(args
        .Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))
        .Select(a => a[2..].Split('=', 2))
        .ToDictionary(p => p[0], p => p[1]));

    public string this[string name] => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name}=... is required.");

    public string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
