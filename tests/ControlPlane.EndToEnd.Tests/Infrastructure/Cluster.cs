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
    private ChildProcess? _controlPlane;

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
            await cluster.StartControlPlaneAsync($";http://unix:{socket}");
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

    private async Task StartControlPlaneAsync(string extraUrls = "")
    {
        var port = FreePort.Next();
        ControlPlaneUrl = $"http://127.0.0.1:{port}";
        _controlPlane = ChildProcess.StartDotnet(RepositoryRoot.Built("ControlPlane.Api"),
        [
            $"--Urls={ControlPlaneUrl}{extraUrls}",
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
        _agents[name] = ChildProcess.StartDotnet(RepositoryRoot.Built("ControlPlane.Agent"),
        [
            $"--urls=http://127.0.0.1:{FreePort.Next()}",
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
