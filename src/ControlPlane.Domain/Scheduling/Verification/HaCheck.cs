namespace ControlPlane.Domain.Scheduling.Verification;

/// <summary>
/// For every set of k CONNECTED hosts failing, their VMs must fit, by memory, into what the other CONNECTED hosts
/// have free. Tried first-fit decreasing, then by exhaustive search (bounded) before calling it broken.
/// </summary>
internal static class HaCheck
{
    public static void Check(VerifierWorld world, int k, List<string> problems)
    {
        var connected = world.Hosts.Values.Where(h => h.State == SchedulerHostState.Connected).Select(h => h.Id).ToArray();
        var byHost = world.Placed.ToLookup(p => p.HostId, p => p.Vm.MemoryReservedMiB, StringComparer.Ordinal);
        var freeOf = connected.ToDictionary(h => h, h => world.Hosts[h].MemoryMiB - byHost[h].Sum(), StringComparer.Ordinal);
        foreach (var failed in Subsets(connected, k))
        {
            var lost = failed.SelectMany(h => byHost[h]).OrderDescending().ToArray();
            var free = connected.Where(h => !failed.Contains(h)).Select(h => freeOf[h]).ToArray();
            var budget = 200_000;
            if (!Pack(lost, 0, free, ref budget))
            {
                var shortInTotal = lost.Sum() > free.Where(f => f > 0).Sum();
                problems.Add($"HA: the VMs of {string.Join('+', failed)} cannot all restart elsewhere"
                    + (shortInTotal ? $" ({PlanVerifier.Unavoidable}: the survivors lack the memory in total, which no move changes)" : ""));
            }
        }
    }

    private static bool Pack(long[] items, int i, long[] free, ref int budget)
    {
        if (i == items.Length)
        {
            return true;
        }
        if (--budget < 0)
        {
            return false;
        }
        var tried = new HashSet<long>();
        for (var b = 0; b < free.Length; b++)
        {
            if (free[b] < items[i] || !tried.Add(free[b]))
            {
                continue;
            }
            free[b] -= items[i];
            var ok = Pack(items, i + 1, free, ref budget);
            free[b] += items[i];
            if (ok)
            {
                return true;
            }
        }
        return false;
    }

    internal static IEnumerable<string[]> Subsets(string[] ids, int k)
    {
        if (k > ids.Length)
        {
            yield return ids;
            yield break;
        }
        var index = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return [.. index.Select(i => ids[i])];
            var j = k - 1;
            while (j >= 0 && index[j] == ids.Length - k + j)
            {
                j--;
            }
            if (j < 0)
            {
                yield break;
            }
            index[j]++;
            for (var m = j + 1; m < k; m++)
            {
                index[m] = index[m - 1] + 1;
            }
        }
    }
}
