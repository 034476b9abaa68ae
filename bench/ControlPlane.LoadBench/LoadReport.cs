using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ControlPlane.LoadBench;

/// <summary>Writes the measured figures and the goals into bench/README.md, between markers under "## Load".</summary>
internal static class LoadReport
{
    private const string Begin = "<!-- load:begin (written by bench/load/run.sh) -->";
    private const string End = "<!-- load:end -->";
    private const double ReadRatioGoal = 0.25;
    private const double MutatingP99GoalMs = 50;

    public static int Write(Options options)
    {
        var hello = Read(options["hello"]);
        // The goals' run: every client reads as fast as it is answered while writes go out at a fixed rate.
        var controlPlane = Read(options["controlplane"]);
        // For comparison on the same server: the classic closed loop (each request a write with probability 10 %),
        // and reads alone, which separate what a read costs from what writes take away.
        var closed = Optional(options, "closed");
        var readsOnly = Optional(options, "readsonly");
        var ratio = controlPlane.ReadsPerSecond / hello.ReadsPerSecond;
        var writeRate = options.Get("write-rate", "?");
        var text = new StringBuilder();
        text.AppendLine(Begin);
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {options["machine"]}. {options.Get("note", "")}");
        text.AppendLine();
        text.AppendLine("| workload | request class | requests | req/s | p50 ms | p99 ms | max ms | errors |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (label, run) in new[]
        {
            ("hello", hello), ($"controlplane, writes at {writeRate}/s", controlPlane), ("controlplane, closed-loop 90/10", closed),
            ("controlplane, reads only", readsOnly),
        })
        {
            foreach (var c in run?.Classes ?? [])
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {label} | {c.Name} | {c.Requests} | {c.PerSecond:F0} | {c.P50Ms:F2} | {c.P99Ms:F2} | {c.MaxMs:F1} | {c.Errors} |");
            }
        }
        text.AppendLine();
        text.AppendLine("| goal (writes at a fixed rate, reads as fast as answered) | target | measured | met |");
        text.AppendLine("| --- | --- | --- | --- |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| reads ÷ hello-world | ≥ {ReadRatioGoal:P0} | {controlPlane.ReadsPerSecond:F0} ÷ {hello.ReadsPerSecond:F0} req/s = {ratio:P1} | {Met(ratio >= ReadRatioGoal)} |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| mutating p99 (all writes, from when each was due) | ≤ {MutatingP99GoalMs} ms | {controlPlane.MutatingP99Ms:F1} ms ({controlPlane.WritesPerSecond:F0} writes/s) | {Met(controlPlane.MutatingP99Ms <= MutatingP99GoalMs)} |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| errors | 0 | {controlPlane.Errors} of {controlPlane.Requests} (hello-world {hello.Errors}) | {Met(controlPlane.Errors == 0 && hello.Errors == 0)} |");
        foreach (var (label, run) in new[] { ("closed-loop 90/10", closed), ("reads only", readsOnly) })
        {
            if (run is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| (for comparison) {label}: reads ÷ hello-world; mutating p99 | — | {run.ReadsPerSecond / hello.ReadsPerSecond:P1}; {(run.WritesPerSecond > 0 ? $"{run.MutatingP99Ms:F1} ms at {run.WritesPerSecond:F0} writes/s" : "no writes")}; errors {run.Errors} | — |");
            }
        }
        text.Append(End);
        Replace(options["readme"], text.ToString());
        Console.WriteLine(text);
        return 0;
    }

    private static RunResult? Optional(Options options, string name) => options.Get(name, "") is { Length: > 0 } file ? Read(file) : null;

    private static string Met(bool met) => met ? "yes" : "**no**";

    private static RunResult Read(string path) => JsonSerializer.Deserialize<RunResult>(File.ReadAllText(path), LoadRun.Json)!;

    /// <summary>Replaces the figures between the markers, or adds a "## Load" section holding them.</summary>
    private static void Replace(string readme, string figures)
    {
        var current = File.Exists(readme) ? File.ReadAllText(readme) : "# Benchmarks\n";
        var begin = current.IndexOf(Begin, StringComparison.Ordinal);
        var end = current.IndexOf(End, StringComparison.Ordinal);
        var updated = begin >= 0 && end > begin
            ? current[..begin] + figures + current[(end + End.Length)..]
            : current.TrimEnd() + "\n\n## Load\n\n" + figures + "\n";
        File.WriteAllText(readme, updated);
    }
}
