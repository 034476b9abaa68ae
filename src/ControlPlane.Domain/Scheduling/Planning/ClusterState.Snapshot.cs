namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>The working state back as a snapshot, for the placement filters to explain a refusal.</summary>
internal sealed partial class ClusterState
{
    public ClusterSnapshot ToSnapshot() =>
        Snapshot with
        {
            Vms = [.. Enumerable.Range(0, Vms.Length).Where(v => HostOf[v] >= 0).Select(v => Vms[v] with { HostId = Hosts[HostOf[v]].Id })],
        };

    public PlacementRequest AsRequest(int v)
    {
        var vm = Vms[v];
        return new PlacementRequest(vm.Id, vm.Vcpus, vm.MemoryMiB, vm.MemoryReservedMiB, vm.CpuUsedCores, vm.Categories, vm.Gpus);
    }

    /// <summary>HA admission over the working state: after adding <paramref name="reservedMiB"/>, the free memory of CONNECTED hosts still covers the k largest.</summary>
    public bool HaAdmits(long reservedMiB)
    {
        var k = Snapshot.Settings.HaHostFailures;
        if (k <= 0)
        {
            return true;
        }
        var connected = Enumerable.Range(0, Hosts.Length).Where(IsConnected).ToArray();
        return connected.Length > k
            && connected.Sum(MemFree) - reservedMiB >= connected.Select(h => Hosts[h].MemoryMiB).OrderDescending().Take(k).Sum();
    }
}
