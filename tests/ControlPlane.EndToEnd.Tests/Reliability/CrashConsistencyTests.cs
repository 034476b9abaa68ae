using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ControlPlane.EndToEnd.Tests.Reliability;

/// <summary>
/// kill -9 of the control plane in the middle of a burst of creates, then a restart on the same data:
/// every acknowledged create is there and whole, and placements still add up on every host.
/// </summary>
public sealed class CrashConsistencyTests(ITestOutputHelper output)
{
    private const int Creates = 200;
    private const int Clients = 16;
    private const int KillAfterAcknowledged = 40;
    private const int HostCores = 32;
    private const int HostMemoryMiB = 65536;

    [Fact]
    public async Task KillDuringCreateBurst_Restart_EveryAcknowledgedVmIsWholeAndPlacementsAddUp()
    {
        await using var cluster = await Cluster.StartAsync();
        cluster.StartAgent("crash-a", HostCores, HostMemoryMiB);
        cluster.StartAgent("crash-b", HostCores, HostMemoryMiB);
        await Poll.UntilAsync(cluster.HostsAsync, hosts => hosts.Count == 2 && hosts.All(h => (string)h!["state"]! == "CONNECTED"),
            TimeSpan.FromSeconds(60), "two CONNECTED hosts");

        var burst = new CreateBurst(cluster.Api, Creates, Clients);
        var running = burst.RunAsync(KillAfterAcknowledged);
        await burst.AcknowledgedEnough.Task.WaitAsync(TimeSpan.FromSeconds(120));
        cluster.KillControlPlane();
        await running.WaitAsync(TimeSpan.FromSeconds(60));
        var acknowledgedAtKill = burst.Acknowledged.Count;

        await cluster.RestartControlPlaneAsync();
        var vms = await ListVmsAsync(cluster);
        var present = 0;
        foreach (var (index, id) in burst.Acknowledged)
        {
            using var response = await cluster.Api.GetAsync($"/api/v1/vms/{id}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Acknowledged VM crash-{index} ({id}) is gone after the restart.");
            present++;
        }
        foreach (var vm in vms)
        {
            AssertWhole(vm);
        }
        await AssertPlacementsAddUpAsync(cluster, vms);

        var afterRestart = await FillToCapacityAsync(cluster);
        var finalVms = await ListVmsAsync(cluster);
        await AssertPlacementsAddUpAsync(cluster, finalVms);

        output.WriteLine($"Creates sent before the kill: {burst.Sent} of {Creates} by {Clients} clients; acknowledged {acknowledgedAtKill}, " +
            $"refused {burst.Refused}, in flight when killed {burst.Lost}.");
        output.WriteLine($"After restart: {present} of {acknowledgedAtKill} acknowledged VMs present (lost {acknowledgedAtKill - present}); " +
            $"{vms.Count} VMs in total ({vms.Count - acknowledgedAtKill} committed but unacknowledged), none half-done.");
        output.WriteLine($"The restarted control plane then accepted {afterRestart} more creates until the hosts were full; " +
            $"{finalVms.Count} VMs, allocations within capacity and equal to the VMs placed. IPAM does not exist yet: no address checks.");
        Assert.True(afterRestart > 0, "The restarted control plane accepted no create.");
    }

    private static async Task<List<JsonObject>> ListVmsAsync(Cluster cluster) =>
        [.. (await cluster.GetAsync("/api/v1/vms?limit=500"))["data"]!.AsArray().Cast<JsonObject>()];

    /// <summary>A VM is whole when it has a host and exactly the NICs and disks its create asked for.</summary>
    private static void AssertWhole(JsonObject vm)
    {
        var name = (string)vm["name"]!;
        Assert.False(string.IsNullOrEmpty((string?)vm["hostId"]), $"{name} has no host.");
        if (name.StartsWith("crash-", StringComparison.Ordinal))
        {
            var index = CreateBurst.IndexOf(name);
            Assert.Equal(CreateBurst.NicsFor(index), vm["nics"]!.AsArray().Count);
            Assert.Equal(CreateBurst.DisksFor(index), vm["disks"]!.AsArray().Count);
        }
    }

    /// <summary>Each host's allocation is what its powered-on VMs reserve, and never more than it has.</summary>
    private static async Task AssertPlacementsAddUpAsync(Cluster cluster, List<JsonObject> vms)
    {
        foreach (var host in (await cluster.HostsAsync()).Cast<JsonObject>())
        {
            var id = (string)host["id"]!;
            var placed = vms.Where(v => (string?)v["hostId"] == id && (string)v["powerState"]! == "ON").ToList();
            var allocated = host["allocated"]!;
            Assert.Equal(placed.Sum(v => (long)v["memoryMiB"]!), (long)allocated["memoryMiB"]!);
            Assert.Equal(placed.Sum(v => (int)v["vcpus"]!), (int)allocated["vcpus"]!);
            Assert.True((long)allocated["memoryMiB"]! <= (long)host["memoryMiB"]!, $"Host {host["name"]} is over-committed: {host}");
        }
    }

    /// <summary>Creates more VMs until the scheduler says no host can take one (bounded), and counts them.</summary>
    private static async Task<int> FillToCapacityAsync(Cluster cluster)
    {
        var created = 0;
        for (var i = 0; i < Creates; i++)
        {
            using var response = await cluster.Api.PostAsync("/api/v1/vms", new StringContent(
                $$"""{"name":"after-{{i}}","vcpus":1,"memoryMiB":{{CreateBurst.MemoryMiB}}}""", System.Text.Encoding.UTF8, "application/json"));
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                return created;
            }
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            created++;
        }
        return created;
    }
}
