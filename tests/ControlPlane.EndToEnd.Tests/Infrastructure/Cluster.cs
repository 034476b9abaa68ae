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
    public void StartAgent(string name, int cpuCores = 8, int memoryMiB = 16384)
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
            $"--Agent:Simulated:CpuCores={cpuCores}",
            $"--Agent:Simulated:MemoryMiB={memoryMiB}",
        ], new Dictionary<string, string> { ["Agent__JoinToken"] = JoinToken });
    }

    public void KillAgent(string name) => _agents[name].Kill();

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
