using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace ControlPlane.LoadBench;

/// <summary>How a control plane run mixes reads and writes.</summary>
internal enum Mix
{
    /// <summary>Every client reads as fast as it is answered; writes go out at a fixed rate between the reads (open loop).</summary>
    Paced,

    /// <summary>Each client's every request is a write with probability 10 %: the write rate follows the read rate (closed loop).</summary>
    Closed,

    /// <summary>Reads only.</summary>
    Reads,
}

/// <summary>
/// Reads of one VM, a page of VMs and the hosts (45/25/20); writes that create a VM (powered off, so capacity never
/// runs out), power each client's own VM off and on, and rename it (4/4/2). Every answer other than the documented
/// success counts as an error.
/// </summary>
internal sealed class ControlPlaneWorkload(Mix mix, int writesPerSecond) : IWorkload
{
    private const int SeedVms = 200;

    private readonly List<string> _seedVms = [];
    private readonly long _writeInterval = writesPerSecond > 0 ? Stopwatch.Frequency / writesPerSecond : long.MaxValue;
    private string[] _ownVms = [];
    private bool[] _ownOn = [];
    private int[] _counters = [];
    private long _nextWrite;

    public async Task SetupAsync(HttpClient http, int clients)
    {
        await WaitForHostsAsync(http);
        var setup = new LatencyRecorder();
        for (var i = 0; i < SeedVms; i++)
        {
            _seedVms.Add(await CreateAsync(http, $$"""{"name":"seed-{{i}}","vcpus":1,"memoryMiB":64,"powerState":"OFF"}""", setup));
        }
        _ownVms = new string[clients];
        _ownOn = new bool[clients];
        _counters = new int[clients];
        for (var i = 0; i < clients; i++)
        {
            _ownVms[i] = await CreateAsync(http, $$"""{"name":"own-{{i}}","vcpus":1,"memoryMiB":128}""", setup);
            _ownOn[i] = true;
        }
    }

    public Task StepAsync(HttpClient http, int client, Random random, LatencyRecorder recorder)
    {
        switch (mix)
        {
            case Mix.Paced:
                return TakeDueWrite() is { } due
                    ? WriteAsync(http, client, random.Next(10), recorder, due)
                    : ReadAsync(http, random.Next(90), random, recorder);
            default:
                var roll = random.Next(mix == Mix.Reads ? 90 : 100);
                return roll < 90 ? ReadAsync(http, roll, random, recorder) : WriteAsync(http, client, roll - 90, recorder, null);
        }
    }

    /// <summary>The time the next write was due, if it is due now; each due write goes to exactly one client.</summary>
    private long? TakeDueWrite()
    {
        var now = Stopwatch.GetTimestamp();
        var due = Interlocked.Read(ref _nextWrite);
        if (due == 0)
        {
            Interlocked.CompareExchange(ref _nextWrite, now + _writeInterval, 0);
            return null;
        }
        return now >= due && Interlocked.CompareExchange(ref _nextWrite, due + _writeInterval, due) == due ? due : null;
    }

    private Task ReadAsync(HttpClient http, int roll, Random random, LatencyRecorder recorder) => roll switch
    {
        < 45 => Timed.GetAsync(http, $"/api/v1/vms/{_seedVms[random.Next(_seedVms.Count)]}", "read: GET /vms/{id}", recorder),
        < 70 => Timed.GetAsync(http, "/api/v1/vms?limit=50", "read: GET /vms?limit=50", recorder),
        _ => Timed.GetAsync(http, "/api/v1/hosts", "read: GET /hosts", recorder),
    };

    private async Task WriteAsync(HttpClient http, int client, int roll, LatencyRecorder recorder, long? scheduled)
    {
        var own = _ownVms[client];
        var n = ++_counters[client];
        switch (roll)
        {
            case < 4:
                await Timed.SendAsync(http, HttpMethod.Post, "/api/v1/vms",
                    $$"""{"name":"load-{{client}}-{{n}}","vcpus":1,"memoryMiB":64,"powerState":"OFF"}""", HttpStatusCode.Created, "write: POST /vms",
                    recorder, scheduled);
                break;
            case < 8:
                var action = _ownOn[client] ? "power-off" : "power-on";
                if (await Timed.SendAsync(http, HttpMethod.Post, $"/api/v1/vms/{own}/$actions/{action}", null, HttpStatusCode.Accepted,
                    "write: power-off/on", recorder, scheduled) is not null)
                {
                    _ownOn[client] = !_ownOn[client];
                }
                break;
            default:
                await Timed.SendAsync(http, HttpMethod.Put, $"/api/v1/vms/{own}",
                    $$"""{"name":"own-{{client}}-{{n % 2}}","vcpus":1,"memoryMiB":128}""", HttpStatusCode.OK, "write: PUT /vms/{id}",
                    recorder, scheduled);
                break;
        }
    }

    private static async Task<string> CreateAsync(HttpClient http, string json, LatencyRecorder recorder)
    {
        var body = await Timed.SendAsync(http, HttpMethod.Post, "/api/v1/vms", json, HttpStatusCode.Created, "setup", recorder)
            ?? throw new InvalidOperationException("Setup could not create a VM: " + string.Join("; ", recorder.Errors["setup"].Keys));
        return (string)JsonNode.Parse(body)!["id"]!;
    }

    private static async Task WaitForHostsAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var hosts = JsonNode.Parse(await http.GetStringAsync("/api/v1/hosts"))!["data"]!.AsArray();
                if (hosts.Count >= 3 && hosts.All(h => (string)h!["state"]! == "CONNECTED"))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not up yet.
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The dev cluster's three hosts did not connect within 120 s.");
    }
}
