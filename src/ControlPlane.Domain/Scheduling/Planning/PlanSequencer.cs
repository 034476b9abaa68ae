namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>
/// Cuts an ordered list of moves into waves that may run concurrently: every host takes part in at most
/// <c>maxPerHost</c> migrations of a wave (AHV: 2), and each target has room for all of the wave's incoming VMs
/// before any of the wave's outgoing ones leave. Waves keep the list's order, so each starts from a valid state.
/// </summary>
public static class PlanSequencer
{
    public static IReadOnlyList<MigrationWave> Sequence(ClusterSnapshot snapshot, IReadOnlyList<PlannedMove> moves, int maxPerHost = 2)
    {
        var capacity = snapshot.Hosts.ToDictionary(h => h.Id, h => h.MemoryMiB, StringComparer.Ordinal);
        var used = snapshot.Hosts.ToDictionary(h => h.Id, _ => 0L, StringComparer.Ordinal);
        var reserved = snapshot.Vms.ToDictionary(v => v.Id, v => v.MemoryReservedMiB, StringComparer.Ordinal);
        foreach (var vm in snapshot.Vms.Where(v => used.ContainsKey(v.HostId)))
        {
            used[vm.HostId] += vm.MemoryReservedMiB;
        }
        var waves = new List<MigrationWave>();
        var wave = new List<PlannedMove>();
        var perHost = new Dictionary<string, int>(StringComparer.Ordinal);
        var incoming = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var move in moves)
        {
            var size = reserved.GetValueOrDefault(move.VmId, move.MemoryMiB);
            var fits = used.GetValueOrDefault(move.To) + incoming.GetValueOrDefault(move.To) + size <= capacity.GetValueOrDefault(move.To);
            if (wave.Count > 0 && (perHost.GetValueOrDefault(move.From) >= maxPerHost || perHost.GetValueOrDefault(move.To) >= maxPerHost
                || wave.Any(m => m.VmId == move.VmId) || !fits))
            {
                Close(waves, wave, used, reserved);
                (wave, perHost, incoming) = ([], new(StringComparer.Ordinal), new(StringComparer.Ordinal));
            }
            wave.Add(move);
            perHost[move.From] = perHost.GetValueOrDefault(move.From) + 1;
            perHost[move.To] = perHost.GetValueOrDefault(move.To) + 1;
            incoming[move.To] = incoming.GetValueOrDefault(move.To) + size;
        }
        if (wave.Count > 0)
        {
            Close(waves, wave, used, reserved);
        }
        return waves;
    }

    private static void Close(List<MigrationWave> waves, List<PlannedMove> wave, Dictionary<string, long> used, Dictionary<string, long> reserved)
    {
        foreach (var m in wave)
        {
            var size = reserved.GetValueOrDefault(m.VmId, m.MemoryMiB);
            used[m.From] = used.GetValueOrDefault(m.From) - size;
            used[m.To] = used.GetValueOrDefault(m.To) + size;
        }
        waves.Add(new MigrationWave(waves.Count + 1, [.. wave]));
    }
}
