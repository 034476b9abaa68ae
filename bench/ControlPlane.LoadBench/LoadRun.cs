using System.Diagnostics;
using System.Text.Json;

namespace ControlPlane.LoadBench;

/// <summary>N closed-loop clients over one connection each, a warm-up, then a measured window; bounded in time and count.</summary>
internal static class LoadRun
{
    private const int MaxRequestsPerClient = 2_000_000;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(Options options)
    {
        var clients = options.Int("clients", 64);
        var seconds = options.Int("seconds", 60);
        var warmup = options.Int("warmup", 5);
        IWorkload workload = options["workload"] switch
        {
            "hello" => new HelloWorkload(options.Get("path", "/")),
            "controlplane" => new ControlPlaneWorkload(Enum.Parse<Mix>(options.Get("mix", "paced"), ignoreCase: true), options.Int("write-rate", 50)),
            var other => throw new ArgumentException($"Unknown workload {other}."),
        };
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(options["target"]),
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (options.Get("key", "") is { Length: > 0 } key)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        await workload.SetupAsync(http, clients);
        await RunWindowAsync(http, workload, clients, TimeSpan.FromSeconds(warmup));
        var stopwatch = Stopwatch.StartNew();
        var recorders = await RunWindowAsync(http, workload, clients, TimeSpan.FromSeconds(seconds));
        var elapsed = stopwatch.Elapsed.TotalSeconds;

        var names = recorders.SelectMany(r => r.Millis.Keys.Concat(r.Errors.Keys)).Distinct().Order();
        var result = new RunResult(options["workload"], clients, elapsed, [.. names.Select(name => ClassResult.From(name,
            [.. recorders.SelectMany(r => r.Millis.GetValueOrDefault(name) ?? [])],
            recorders.SelectMany(r => r.Errors.GetValueOrDefault(name) ?? []).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value)),
            elapsed))], MutatingP99(recorders));
        await File.WriteAllTextAsync(options["out"], JsonSerializer.Serialize(result, Json));
        foreach (var c in result.Classes)
        {
            Console.WriteLine($"{c.Name,-32} {c.Requests,9} req {c.PerSecond,9:F0}/s  p50 {c.P50Ms,7:F2} ms  p99 {c.P99Ms,7:F2} ms  max {c.MaxMs,8:F1} ms  errors {c.Errors}");
            foreach (var (what, count) in c.ErrorKinds.Take(5))
            {
                Console.WriteLine($"    {count} × {what}");
            }
        }
        return 0;
    }

    /// <summary>The p99 of every mutating request together, whatever its class.</summary>
    private static double MutatingP99(LatencyRecorder[] recorders)
    {
        var writes = recorders.SelectMany(r => r.Millis.Where(m => m.Key.StartsWith("write", StringComparison.Ordinal)).SelectMany(m => m.Value)).ToList();
        return ClassResult.From("write", writes, null, 1).P99Ms;
    }

    private static async Task<LatencyRecorder[]> RunWindowAsync(HttpClient http, IWorkload workload, int clients, TimeSpan window)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var recorders = Enumerable.Range(0, clients).Select(_ => new LatencyRecorder()).ToArray();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(client);
            for (var i = 0; i < MaxRequestsPerClient && Stopwatch.GetTimestamp() < deadline; i++)
            {
                await workload.StepAsync(http, client, random, recorders[client]);
            }
        })));
        return recorders;
    }
}
