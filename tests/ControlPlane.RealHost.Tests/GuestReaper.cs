using System.Diagnostics;
using ControlPlane.Agent.Hypervisor.Qemu;

namespace ControlPlane.RealHost.Tests;

/// <summary>Test cleanup: kills the QEMU processes recorded under a data folder (pidfile + VM id in the command line).</summary>
internal static class GuestReaper
{
    public static void KillAll(string dataDir)
    {
        var vms = VmPaths.VmsDirectory(dataDir);
        if (!Directory.Exists(vms))
        {
            return;
        }

        foreach (var dir in Directory.EnumerateDirectories(vms))
        {
            if (ProcFs.ReadPidFile(Path.Combine(dir, "qemu.pid")) is { } pid && ProcFs.IsOurs(pid, Path.GetFileName(dir)))
            {
                try
                {
                    using var p = Process.GetProcessById(pid);
                    p.Kill();
                }
                catch (ArgumentException)
                {
                }
                catch (InvalidOperationException)
                {
                }
            }
        }
    }
}
