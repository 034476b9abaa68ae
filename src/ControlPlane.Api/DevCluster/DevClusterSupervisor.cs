using System.Diagnostics;
using System.Reflection;
using ControlPlane.Api.Auth;
using ControlPlane.Api.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ControlPlane.Api.DevCluster;

/// <summary>
/// Starts the dev cluster's agents as their own processes once the control plane listens, each with its
/// own port and data folder, talking to it over real HTTP on loopback; stops them when it stops. An agent
/// that is stopped by hand stays stopped (so its host can be seen going UNREACHABLE) until its run.sh is
/// started again. With the qemu driver the agents run in test hosts instead (<see cref="TestHostCluster"/>).
/// </summary>
internal sealed partial class DevClusterSupervisor(
    IOptions<DevClusterOptions> options, IOptions<ControlPlaneOptions> controlPlane, JoinTokenStore joinToken, TestHostCluster testHosts,
    IServer server, IHostApplicationLifetime lifetime, ILogger<DevClusterSupervisor> logger) : IHostedService
{
    private readonly List<Process> _agents = [];
    private Task _testHostsStarted = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Agents > 0)
        {
            lifetime.ApplicationStarted.Register(StartAgents);
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var agent in _agents.Where(a => !a.HasExited))
        {
            agent.Kill(entireProcessTree: true);
        }
        if (options.Value.UsesTestHosts)
        {
            await _testHostsStarted;
            await testHosts.StopAsync(cancellationToken);
        }
    }

    private void StartAgents()
    {
        var settings = options.Value;
        var agentPath = string.IsNullOrWhiteSpace(settings.AgentPath) ? BuiltAgentPath() : settings.AgentPath;
        if (settings.UsesTestHosts)
        {
            _testHostsStarted = Task.Run(() => testHosts.StartAsync(agentPath));
            return;
        }
        var controlPlaneUrl = settings.ControlPlaneUrl
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? "http://localhost:5080";
        for (var i = 1; i <= settings.Agents; i++)
        {
            var name = $"dev-host-{i}";
            var dataDir = Path.Combine(controlPlane.Value.DataPath, "agents", name);
            Directory.CreateDirectory(dataDir);
            var script = WriteRunScript(name, dataDir, agentPath, controlPlaneUrl, settings.AgentBasePort + i - 1);
            var process = Process.Start(new ProcessStartInfo("/bin/sh", [script]) { UseShellExecute = false })
                ?? throw new InvalidOperationException($"Could not start agent {name}.");
            _agents.Add(process);
            LogAgentStarted(name, process.Id, script);
        }
    }

    /// <summary>
    /// The agent's command as a script in its folder (owner-only: it holds the join token), so an agent
    /// stopped by hand restarts with `sh data/agents/NAME/run.sh` and keeps its identity.
    /// </summary>
    private string WriteRunScript(string name, string dataDir, string agentPath, string controlPlaneUrl, int port)
    {
        var settings = options.Value;
        var script = Path.Combine(dataDir, "run.sh");
        File.WriteAllText(script, string.Join('\n',
            "#!/bin/sh",
            $"# Dev cluster agent {name}, written by the control plane's dev cluster supervisor.",
            $"export Agent__JoinToken='{joinToken.Token}'",
            $"exec dotnet '{agentPath}' --urls http://127.0.0.1:{port} --Agent:Name={name} --Agent:ControlPlaneUrl={controlPlaneUrl} " +
            $"'--Agent:DataDir={dataDir}' --Agent:Driver={settings.Driver} " +
            $"--Agent:Simulated:CpuCores={settings.CpuCores} --Agent:Simulated:MemoryMiB={settings.MemoryMiB} " +
            $">> '{Path.Combine(dataDir, "agent.log")}' 2>&1",
            ""));
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    private static string BuiltAgentPath() =>
        typeof(DevClusterSupervisor).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "AgentAssemblyPath").Value!;

    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Dev cluster agent {Name} started as pid {Pid} by {Script}")]
    private partial void LogAgentStarted(string name, int pid, string script);
}
