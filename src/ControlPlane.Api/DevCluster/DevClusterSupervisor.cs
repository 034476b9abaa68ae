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
/// that is stopped by hand stays stopped (so its host can be seen going UNREACHABLE); the log names the
/// command that restarts it.
/// </summary>
internal sealed partial class DevClusterSupervisor(
    IOptions<DevClusterOptions> options, IOptions<ControlPlaneOptions> controlPlane, JoinTokenStore joinToken,
    IServer server, IHostApplicationLifetime lifetime, ILogger<DevClusterSupervisor> logger) : IHostedService
{
    private readonly List<Process> _agents = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Agents > 0)
        {
            lifetime.ApplicationStarted.Register(StartAgents);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var agent in _agents.Where(a => !a.HasExited))
        {
            agent.Kill(entireProcessTree: true);
        }
        return Task.CompletedTask;
    }

    private void StartAgents()
    {
        var settings = options.Value;
        var agentPath = string.IsNullOrWhiteSpace(settings.AgentPath) ? BuiltAgentPath() : settings.AgentPath;
        var controlPlaneUrl = settings.ControlPlaneUrl
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? "http://localhost:5080";
        for (var i = 1; i <= settings.Agents; i++)
        {
            var name = $"dev-host-{i}";
            var dataDir = Path.Combine(controlPlane.Value.DataPath, "agents", name);
            Directory.CreateDirectory(dataDir);
            var arguments = string.Join(' ',
                $"exec dotnet \"{agentPath}\"",
                $"--urls http://127.0.0.1:{settings.AgentBasePort + i - 1}",
                $"--Agent:Name={name}",
                $"--Agent:ControlPlaneUrl={controlPlaneUrl}",
                $"--Agent:DataDir=\"{dataDir}\"",
                $"--Agent:Driver={settings.Driver}",
                $"--Agent:Simulated:CpuCores={settings.CpuCores}",
                $"--Agent:Simulated:MemoryMiB={settings.MemoryMiB}");
            var log = Path.Combine(dataDir, "agent.log");
            var start = new ProcessStartInfo("/bin/sh", ["-c", $"{arguments} >> \"{log}\" 2>&1"]) { UseShellExecute = false };
            // The join token goes through the environment, not the command line that `ps` shows.
            start.Environment["Agent__JoinToken"] = joinToken.Token;
            var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start agent {name}.");
            _agents.Add(process);
            File.WriteAllText(Path.Combine(dataDir, "agent.pid"), process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            LogAgentStarted(name, process.Id, log);
        }
    }

    private static string BuiltAgentPath() =>
        typeof(DevClusterSupervisor).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "AgentAssemblyPath").Value!;

    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Dev cluster agent {Name} started as pid {Pid}; log {Log}")]
    private partial void LogAgentStarted(string name, int pid, string log);
}
