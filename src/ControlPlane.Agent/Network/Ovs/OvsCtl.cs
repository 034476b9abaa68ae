using ControlPlane.Agent.Hypervisor.Qemu;

namespace ControlPlane.Agent.Network.Ovs;

/// <summary>ovs-vsctl, ovs-appctl and ip, aimed at this agent's own OVS instance and network namespace.</summary>
internal sealed class OvsCtl(OvsOptions options, CommandRunner runner)
{
    public string Directory => options.OvsDirectory;
    public string DbSocket => Path.Combine(Directory, "db.sock");
    public string VswitchdControl => Path.Combine(Directory, "ovs-vswitchd.ctl");

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["OVS_RUNDIR"] = Directory,
        ["OVS_DBDIR"] = Directory,
        ["OVS_LOGDIR"] = Directory,
    };

    public CommandRunner Runner => runner;

    public Task<string> VsctlAsync(IEnumerable<string> args, CancellationToken ct) =>
        runner.RunAsync("ovs-vsctl", ["--db=unix:" + DbSocket, "--timeout=30", .. args], ct, Environment);

    public Task<CommandResult> TryVsctlAsync(IEnumerable<string> args, CancellationToken ct) =>
        runner.TryRunAsync("ovs-vsctl", ["--db=unix:" + DbSocket, "--timeout=30", .. args], ct, Environment);

    public Task<string> AppctlAsync(IEnumerable<string> args, CancellationToken ct) =>
        runner.RunAsync("ovs-appctl", ["-t", VswitchdControl, .. args], ct, Environment);

    public Task<string> IpAsync(IEnumerable<string> args, CancellationToken ct) => runner.RunAsync("ip", [.. args], ct);

    public async Task<bool> LinkExistsAsync(string name, CancellationToken ct) =>
        (await runner.TryRunAsync("ip", ["link", "show", "dev", name], ct)).ExitCode == 0;
}
