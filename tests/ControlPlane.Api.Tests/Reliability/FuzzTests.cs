using System.Collections.Concurrent;
using Xunit.Abstractions;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Reliability;

/// <summary>
/// At least 10,000 seeded malformed requests across every operation of the spec: no 5xx, every error
/// problem+json, no malformed change accepted, state unchanged, and the server still healthy.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20261121;
    private const int Requests = 10_400;
    private const int MinimumSent = 10_000;

    private readonly ControlPlaneFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task MalformedRequests_AgainstEveryOperation_NoServerErrorNoStateChange()
    {
        // Hosts stay as registered: no heartbeat timeout flips their state while the fuzz runs.
        var app = _factory.WithWebHostBuilder(b => b.UseSetting("ControlPlane:Monitoring:HeartbeatTimeoutSeconds", "86400"));
        var world = await World.CreateAsync(app);
        var admin = World.Client(app, ControlPlaneFactory.AdminKey);
        var before = await StateSnapshot.TakeAsync(admin);
        var operations = SpecOperation.LoadAll();
        var generator = new MalformedRequestGenerator(operations, world, Seed);
        var faults = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var perOperation = new ConcurrentDictionary<string, int>();
        var refusedByClient = 0;
        var started = DateTime.UtcNow;

        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (index, ct) =>
        {
            var probe = generator.Generate(index);
            HttpRequestMessage request;
            try
            {
                request = probe.ToRequest(world);
            }
            catch (UriFormatException)
            {
                Interlocked.Increment(ref refusedByClient);
                return;
            }
            using var _ = request;
            HttpResponseMessage response;
            try
            {
                response = await world.Http.SendAsync(request, ct);
            }
            catch (InvalidOperationException ex) when (ex.TargetSite?.DeclaringType?.Name == "UrlDecoder")
            {
                // The in-process transport refuses a path with NUL in it before the app sees it (Kestrel answers 400 itself).
                Interlocked.Increment(ref refusedByClient);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // In process, an exception the app let escape reaches the client; over Kestrel it is a 500 or a reset.
                faults.Enqueue($"#{index} the server failed ({ex.GetType().Name}: {ex.InnerException?.InnerException?.Message ?? ex.Message}) for {probe}");
                return;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                perOperation.AddOrUpdate(probe.Operation.OperationId, 1, (_, n) => n + 1);
                if (status >= 500)
                {
                    faults.Enqueue($"#{index} {status} for {probe}: {await response.Content.ReadAsStringAsync(ct)}");
                }
                else if (status >= 400 && await ProblemCheck.FindFaultAsync(response) is { } fault)
                {
                    faults.Enqueue($"#{index} {fault} for {probe}");
                }
                else if (status < 400 && probe.Method == probe.Operation.Method && OperationCatalog.Recipes[probe.Operation.OperationId].Mutates)
                {
                    faults.Enqueue($"#{index} accepted ({status}) a malformed change: {probe}");
                }
            }
        });

        var sent = statuses.Values.Sum();
        var elapsed = DateTime.UtcNow - started;
        output.WriteLine($"Seed {Seed}: sent {sent} malformed requests ({refusedByClient} refused by the client) in {elapsed.TotalSeconds:F1} s to {perOperation.Count} operations.");
        output.WriteLine("Statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        output.WriteLine($"Faults: {faults.Count}");
        foreach (var fault in faults.Take(40))
        {
            output.WriteLine(fault);
        }
        Assert.Empty(faults);
        Assert.True(sent >= MinimumSent, $"Only {sent} requests were sent.");
        Assert.Equal(operations.Count, perOperation.Count);
        Assert.Equal(before, await StateSnapshot.TakeAsync(admin));
        Assert.Equal("ok", await admin.GetStringAsync("/healthz"));
    }
}
