using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using ControlPlane.Api.Auth;
using Microsoft.Extensions.Options;

namespace ControlPlane.Api.DevCluster;

/// <summary>
/// The qemu dev cluster: scripts/testhosts.sh makes one network namespace per agent (bonded uplinks into a
/// shared switch) and starts an agent with the qemu and ovs drivers in each, listening on a unix socket and
/// reporting to the control plane's unix socket; <see cref="StopAsync"/> tears everything down, guests included.
/// </summary>
internal sealed partial class TestHostCluster(IOptions<DevClusterOptions> options, JoinTokenStore joinToken, ILogger<TestHostCluster> logger)
{
    public async Task StartAsync(string agentPath)
    {
        var settings = options.Value;
        try
        {
            await RunAsync(agentPath, CancellationToken.None, "down");
            await RunAsync(agentPath, CancellationToken.None, "up", settings.Agents.ToString(CultureInfo.InvariantCulture), "--agents", "--",
                $"--Agent:ControlPlaneUrl=unix:{settings.ControlPlaneSocket}");
            LogStarted(settings.Agents, settings.TestHostPrefix, Path.Combine(settings.TestHostsPath, $"hosts-{settings.TestHostPrefix}"));
        }
        catch (InvalidOperationException e)
        {
            LogFailed(e.Message);
        }
    }

    public async Task StopAsync(CancellationToken ct)
    {
        try
        {
            await RunAsync(null, ct, "down");
        }
        catch (InvalidOperationException e)
        {
            LogFailed(e.Message);
        }
    }

    private async Task RunAsync(string? agentPath, CancellationToken ct, params string[] args)
    {
        var settings = options.Value;
        var script = string.IsNullOrWhiteSpace(settings.TestHostsScript) ? BuiltScriptPath() : settings.TestHostsScript;
        var start = new ProcessStartInfo(script, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["CP_PREFIX"] = settings.TestHostPrefix;
        start.Environment["CP_WORK"] = settings.TestHostsPath;
        start.Environment["Agent__JoinToken"] = joinToken.Token;
        if (agentPath is not null)
        {
            start.Environment["CP_AGENT_DLL"] = agentPath;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {script}.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{script} {string.Join(' ', args)} exited {process.ExitCode} (prerequisites: scripts/prereqs.sh, as root): {await output}{await errors}");
        }
    }

    private static string BuiltScriptPath() =>
        typeof(TestHostCluster).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TestHostsScript").Value!;

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Dev cluster: {Count} test host(s) {Prefix}-h1.. with qemu/ovs agents; agent logs and serial consoles under {Folder}")]
    private partial void LogStarted(int count, string prefix, string folder);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Dev cluster test hosts: {Error}")]
    private partial void LogFailed(string error);
}
