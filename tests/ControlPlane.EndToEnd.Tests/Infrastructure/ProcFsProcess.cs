namespace ControlPlane.EndToEnd.Tests.Infrastructure;

/// <summary>Processes the tests did not start as children (daemonized QEMU, agents in namespaces), seen through /proc.</summary>
internal static class ProcFsProcess
{
    /// <summary>True while <paramref name="pid"/> runs (exists and is not a zombie) with <paramref name="marker"/> in its command line.</summary>
    public static bool IsAlive(int pid, string marker)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z' && File.ReadAllText($"/proc/{pid}/cmdline").Contains(marker, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
