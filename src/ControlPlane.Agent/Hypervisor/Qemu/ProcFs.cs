using System.Globalization;

namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>The little of /proc the driver reads: liveness and ownership of a pid, CPU ticks, memory.</summary>
internal static class ProcFs
{
    /// <summary>USER_HZ; 100 on every Linux architecture the agent runs on.</summary>
    public const double TicksPerSecond = 100;

    /// <summary>True when the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        var stat = ReadStat(pid);
        return stat is not null && stat.Value.State != 'Z' && stat.Value.State != 'X';
    }

    /// <summary>True when the process is alive and its command line contains <paramref name="marker"/> (our VM id).</summary>
    public static bool IsOurs(int pid, string marker)
    {
        if (!IsAlive(pid))
        {
            return false;
        }

        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Contains(marker, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>utime + stime of the process, in ticks, or null when it is gone.</summary>
    public static long? CpuTicks(int pid) => ReadStat(pid) is { } s ? s.UserTicks + s.SystemTicks : null;

    public static int RssMiB(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return (int)(ParseKiB(line) / 1024);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    /// <summary>(busy, total) jiffies summed over all CPUs from the first line of /proc/stat.</summary>
    public static (long Busy, long Total) HostCpuTicks()
    {
        var parts = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long total = 0;
        for (var i = 1; i < parts.Length; i++)
        {
            total += long.Parse(parts[i], CultureInfo.InvariantCulture);
        }

        var idle = long.Parse(parts[4], CultureInfo.InvariantCulture) + long.Parse(parts[5], CultureInfo.InvariantCulture);
        return (total - idle, total);
    }

    public static (int TotalMiB, int AvailableMiB) Memory()
    {
        long total = 0, available = 0;
        foreach (var line in File.ReadLines("/proc/meminfo"))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                total = ParseKiB(line);
            }
            else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                available = ParseKiB(line);
            }
        }

        return ((int)(total / 1024), (int)(available / 1024));
    }

    public static int? ReadPidFile(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long ParseKiB(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static (char State, long UserTicks, long SystemTicks)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name is in parentheses and may contain spaces; fields after it are space separated.
        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (rest[0][0], long.Parse(rest[11], CultureInfo.InvariantCulture), long.Parse(rest[12], CultureInfo.InvariantCulture));
    }
}
