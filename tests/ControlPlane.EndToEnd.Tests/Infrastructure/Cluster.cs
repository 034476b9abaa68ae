using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlPlane.RealHost.Tests;

namespace ControlPlane.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A control plane process and agent processes, each with its own folder, talking real HTTP: simulated
/// agents on loopback, or qemu/ovs agents in test-host namespaces over unix sockets. The test drives it
/// through the public API only.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    private const string JoinToken = "e2e-join-token";
    private const string AdminKey = "e2e-admin-key";

    private readonly string _root;
    private readonly Dictionary<string, ChildProcess> _agents = [];
    private readonly Dictionary<string, string> _agentUrls = [];
    private ChildProcess? _controlPlane;

    /// <summary>Further listen URLs (a unix socket for agents in network namespaces), kept across restarts.</summary>
    private string _extraUrls = "";

    private Cluster(string root) => _root = root;

    public HttpClient Api { get; private set; } = null!;
    public string ControlPlaneUrl { get; private set; } = "";

    /// <summary>The test hosts and their agents, when the cluster runs on them.</summary>
    internal TestHostAgents? TestHosts { get; private set; }

    public static async Task<Cluster> StartAsync(params string[] agentNames)
    {
        var cluster = new Cluster(Path.Combine(Path.GetTempPath(), "cp-e2e", Guid.NewGuid().ToString("N")));
        await cluster.StartControlPlaneAsync();
        foreach (var name in agentNames)
        {
            cluster.StartAgent(name);
        }
        return cluster;
    }

    /// <summary>
    /// A control plane listening on loopback and on a unix socket, and <paramref name="hosts"/> test hosts
    /// (scripts/testhosts.sh with <paramref name="prefix"/>) each running an agent with the qemu and ovs drivers.
    /// </summary>
    internal static async Task<Cluster> StartOnTestHostsAsync(string prefix, int hosts)
    {
        var root = Path.Combine(Path.GetTempPath(), $"{prefix}-{Environment.ProcessId}");
        var cluster = new Cluster(root);
        var socket = Path.Combine(root, "cp.sock");
        Directory.CreateDirectory(root);
        try
        {
            cluster._extraUrls = $";http://unix:{socket}";
            await cluster.StartControlPlaneAsync();
            cluster.TestHosts = new TestHostAgents(new TestBed(prefix, root), hosts, socket, JoinToken);
            await cluster.TestHosts.StopAsync();
            await cluster.TestHosts.StartAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }


    /// <summary>The control plane's output so far (of its latest start).</summary>
    public string ControlPlaneOutput => _controlPlane?.Output ?? "";

    /// <summary>SIGKILL the control plane, as a crash or an OOM kill would; its agents keep running.</summary>
    public void KillControlPlane() => _controlPlane?.Kill();

    /// <summary>Starts the control plane again on the same address and data folder.</summary>
    public async Task RestartControlPlaneAsync()
    {
        _controlPlane?.Dispose();
        Api.Dispose();
        await StartControlPlaneAsync();
    }


    private async Task StartControlPlaneAsync()
    {
        if (ControlPlaneUrl.Length == 0)
        {
            ControlPlaneUrl = $"http://127.0.0.1:{FreePort.Next()}";
        }
        _controlPlane = ChildProcess.StartDotnet(RepositoryRoot.Built("ControlPlane.Api"),
        [
            $"--Urls={ControlPlaneUrl}{_extraUrls}",
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
    public void StartAgent(string name, int cpuCores = 8, int memoryMiB = 16384)
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
            $"--Agent:Simulated:CpuCores={cpuCores}",
            $"--Agent:Simulated:MemoryMiB={memoryMiB}",
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
        if (TestHosts is not null)
        {
            await TestHosts.StopAsync();
        }
        foreach (var agent in _agents.Values)
        {
            agent.Dispose();
        }
        _controlPlane?.Dispose();
        Api?.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
