using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A control plane process and simulated agent processes on loopback, each with its own folder, talking
/// real HTTP; the test drives it through the public API only.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    private const string JoinToken = "e2e-join-token";
    private const string AdminKey = "e2e-admin-key";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cp-e2e", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, ChildProcess> _agents = [];
    private readonly Dictionary<string, string> _agentUrls = [];
    private ChildProcess? _controlPlane;

    public HttpClient Api { get; private set; } = null!;
    public string ControlPlaneUrl { get; private set; } = "";

    public static async Task<Cluster> StartAsync(params string[] agentNames)
    {
        var cluster = new Cluster();
        await cluster.StartControlPlaneAsync();
        foreach (var name in agentNames)
        {
            cluster.StartAgent(name);
        }
        return cluster;
    }

    private async Task StartControlPlaneAsync()
    {
        var port = FreePort.Next();
        ControlPlaneUrl = $"http://127.0.0.1:{port}";
        _controlPlane = ChildProcess.StartDotnet(RepositoryRoot.Built("ControlPlane.Api"),
        [
            $"--Urls={ControlPlaneUrl}",
            $"--ControlPlane:DataDir={Path.Combine(_root, "control-plane")}",
            $"--ControlPlane:JoinToken={JoinToken}",
            $"--ControlPlane:Auth:AdminKey={AdminKey}",
            "--DevCluster:Agents=0",
            "--ControlPlane:Monitoring:HeartbeatTimeoutSeconds=6",
            "--ControlPlane:Monitoring:CheckIntervalSeconds=1",
            "--ControlPlane:Dispatch:PollSeconds=0.5",
        ]);
        Api = new HttpClient { BaseAddress = new Uri(ControlPlaneUrl), Timeout = TimeSpan.FromSeconds(15) };
        Api.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        await Poll.UntilAsync(() => Api.GetStringAsync("/healthz"), body => body == "ok", TimeSpan.FromSeconds(30),
            "the control plane to answer /healthz: " + _controlPlane.Output);
    }

    /// <summary>Starts (or restarts, with the same data folder and so the same identity) an agent.</summary>
    public void StartAgent(string name)
    {
        var dataDir = Path.Combine(_root, "agents", name);
        Directory.CreateDirectory(dataDir);
        _agentUrls[name] = $"http://127.0.0.1:{FreePort.Next()}";
        _agents[name] = ChildProcess.StartDotnet(RepositoryRoot.Built("ControlPlane.Agent"),
        [
            $"--urls={_agentUrls[name]}",
            $"--Agent:Name={name}",
            $"--Agent:ControlPlaneUrl={ControlPlaneUrl}",
            $"--Agent:DataDir={dataDir}",
            "--Agent:Driver=simulated",
            "--Agent:ReportIntervalSeconds=1",
            "--Agent:Simulated:CpuCores=8",
            "--Agent:Simulated:MemoryMiB=16384",
        ], new Dictionary<string, string> { ["Agent__JoinToken"] = JoinToken });
    }

    /// <summary>A client without a request timeout, for long-lived streams such as the event stream.</summary>
    public HttpClient CreateStreamingClient()
    {
        var client = new HttpClient { BaseAddress = Api.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    public void KillAgent(string name) => _agents[name].Kill();

    /// <summary>
    /// Sets a VM's CPU load on the simulated agent that runs it, as an operator would:
    /// <c>PUT /v1/simulation/vms/{id}/load</c> with the agent token from the agent's identity.json.
    /// </summary>
    public async Task SetVmLoadAsync(string agentName, string vmId, double cpuPercent)
    {
        var identity = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_root, "agents", agentName, "identity.json")))!;
        using var agent = new HttpClient { BaseAddress = new Uri(_agentUrls[agentName]), Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/simulation/vms/{vmId}/load")
        {
            Content = JsonContent.Create(new { cpuPercent }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (string)identity["agentToken"]!);
        using var response = await agent.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public string AgentOutput(string name) => _agents[name].Output;

    public async Task<JsonArray> HostsAsync() =>
        (await Api.GetFromJsonAsync<JsonObject>("/api/v1/hosts"))!["data"]!.AsArray();

    public async Task<JsonObject> GetAsync(string url) => (await Api.GetFromJsonAsync<JsonObject>(url))!;

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents.Values)
        {
            agent.Dispose();
        }
        _controlPlane?.Dispose();
        Api?.Dispose();
        await Task.Yield();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
