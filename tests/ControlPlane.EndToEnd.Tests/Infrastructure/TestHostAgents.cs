using System.Diagnostics;
using System.Globalization;
using ControlPlane.RealHost.Tests;

namespace ControlPlane.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Agents with the qemu and ovs drivers, one in each test-host namespace made by scripts/testhosts.sh,
/// listening on unix sockets and reporting to the control plane over its unix socket.
/// </summary>
internal sealed class TestHostAgents(TestBed bed, int hosts, string controlPlaneSocket, string joinToken)
{
    public TestBed Bed { get; } = bed;

    /// <summary>Creates the hosts and starts every agent that is not running (so it also restarts a killed one).</summary>
    public Task StartAsync() => Bed.RunScriptAsync(
        new Dictionary<string, string>
        {
            ["CP_AGENT_DLL"] = RepositoryRoot.Built("ControlPlane.Agent"),
            ["CP_GUEST"] = RealHostEnvironment.GuestDirectory,
            ["Agent__JoinToken"] = joinToken,
        },
        "up", hosts.ToString(CultureInfo.InvariantCulture), "--agents", "--",
        $"--Agent:ControlPlaneUrl=unix:{controlPlaneSocket}", "--Agent:ReportIntervalSeconds=1");

    /// <summary>SIGKILL to the agent of host <paramref name="host"/> (its pid as testhosts.sh recorded it), as a crash would.</summary>
    public Task KillAgentAsync(int host)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(Bed.HostDir(host), "agent.pid")).Trim(), CultureInfo.InvariantCulture);
        using (var agent = Process.GetProcessById(pid))
        {
            agent.Kill();
        }

        return Eventually.HoldsAsync(() => !ProcFsProcess.IsAlive(pid, Bed.HostDir(host)), TimeSpan.FromSeconds(10), $"agent {pid} to die");
    }

    public Task StopAsync() => Bed.RunScriptAsync("down");
}
