using System.Net;
using System.Text.Json.Nodes;

namespace ControlPlane.LoadBench;

/// <summary>
/// Mixed reads and writes against the dev cluster, 90/10: reads of one VM, a page of VMs and the hosts;
/// writes that create a VM (powered off, so capacity never runs out), power each client's own VM off and
/// on, and rename it. Every answer other than the documented success counts as an error.
/// </summary>
internal sealed class ControlPlaneWorkload(bool readsOnly) : IWorkload
{
    private const int SeedVms = 200;

    private readonly List<string> _seedVms = [];
    private string[] _ownVms = [];
    private bool[] _ownOn = [];
    private int[] _counters = [];

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

    public async Task StepAsync(HttpClient http, int client, Random random, LatencyRecorder recorder)
    {
        var roll = random.Next(readsOnly ? 90 : 100);
        var own = _ownVms[client];
        var n = ++_counters[client];
        switch (roll)
        {
            case < 45:
                await Timed.GetAsync(http, $"/api/v1/vms/{_seedVms[random.Next(_seedVms.Count)]}", "read: GET /vms/{id}", recorder);
                break;
            case < 70:
                await Timed.GetAsync(http, "/api/v1/vms?limit=50", "read: GET /vms?limit=50", recorder);
                break;
            case < 90:
                await Timed.GetAsync(http, "/api/v1/hosts", "read: GET /hosts", recorder);
                break;
            case < 94:
                await Timed.SendAsync(http, HttpMethod.Post, "/api/v1/vms",
                    $$"""{"name":"load-{{client}}-{{n}}","vcpus":1,"memoryMiB":64,"powerState":"OFF"}""", HttpStatusCode.Created, "write: POST /vms", recorder);
                break;
            case < 98:
                var action = _ownOn[client] ? "power-off" : "power-on";
                if (await Timed.SendAsync(http, HttpMethod.Post, $"/api/v1/vms/{own}/$actions/{action}", null, HttpStatusCode.Accepted,
                    "write: power-off/on", recorder) is not null)
                {
                    _ownOn[client] = !_ownOn[client];
                }
                break;
            default:
                await Timed.SendAsync(http, HttpMethod.Put, $"/api/v1/vms/{own}",
                    $$"""{"name":"own-{{client}}-{{n % 2}}","vcpus":1,"memoryMiB":128}""", HttpStatusCode.OK, "write: PUT /vms/{id}", recorder);
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
