using ControlPlane.Agent.Hypervisor.Qemu;

namespace ControlPlane.Agent.Network.Ovs;

/// <summary>
/// Starts this host's ovsdb-server and ovs-vswitchd when they are not running, with the database,
/// sockets, pidfiles and logs under <c>DataDir/ovs</c>. A daemon counts as running when its pidfile
/// names a live process whose command line points into that folder.
/// </summary>
internal sealed class OvsDaemons(OvsOptions options, OvsCtl ctl, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (!options.StartDaemons)
        {
            return;
        }

        await _lock.WaitAsync(ct);
        try
        {
            var dir = ctl.Directory;
            System.IO.Directory.CreateDirectory(dir);
            var db = Path.Combine(dir, "conf.db");
            if (!Running("ovsdb-server"))
            {
                if (!File.Exists(db))
                {
                    await ctl.Runner.RunAsync("ovsdb-tool", ["create", db, options.Schema], ct, ctl.Environment);
                }

                await StartAsync("ovsdb-server", [db, "--remote=punix:" + ctl.DbSocket], ct);
                await ctl.VsctlAsync(["--no-wait", "init"], ct);
            }

            if (!Running("ovs-vswitchd"))
            {
                await StartAsync("ovs-vswitchd", ["unix:" + ctl.DbSocket], ct);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private bool Running(string daemon) =>
        ProcFs.ReadPidFile(PidFile(daemon)) is { } pid && ProcFs.IsOurs(pid, ctl.Directory);

    private string PidFile(string daemon) => Path.Combine(ctl.Directory, daemon + ".pid");

    private async Task StartAsync(string daemon, IEnumerable<string> args, CancellationToken ct)
    {
        var dir = ctl.Directory;
        await ctl.Runner.RunAsync(daemon,
        [
            .. args,
            "--pidfile=" + PidFile(daemon),
            "--unixctl=" + Path.Combine(dir, daemon + ".ctl"),
            "--log-file=" + Path.Combine(dir, daemon + ".log"),
            "-vconsole:off",
            "--detach",
        ], ct, ctl.Environment);
        OvsLog.DaemonStarted(logger, daemon, ProcFs.ReadPidFile(PidFile(daemon)) ?? 0, dir);
    }
}
