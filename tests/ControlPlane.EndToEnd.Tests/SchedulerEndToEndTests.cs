using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlPlane.EndToEnd.Tests.Infrastructure;

namespace ControlPlane.EndToEnd.Tests;

/// <summary>ADS with real processes: a control plane and three simulated agents over loopback HTTP.</summary>
public sealed class SchedulerEndToEndTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);
    private static readonly string[] Agents = ["ads-h1", "ads-h2", "ads-h3"];

    [Fact]
    public async Task HostPushedOverThreshold_GetsHotspotPlanThatRuns_AndFallsBelowThreshold()
    {
        await using var cluster = await StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await cluster.Api.PutAsJsonAsync("/api/v1/scheduler/settings",
            new { cpuThresholdPercent = 85, hotspotWindowSeconds = 5, backoffSeconds = 60, haHostFailures = 0 })).StatusCode);
        var vms = new List<JsonObject>();
        for (var i = 1; i <= 6; i++)
        {
            vms.Add(await CreateRunningVmAsync(cluster, $"busy-{i}", vcpus: 4));
        }
        var hosts = await cluster.HostsAsync();
        var hot = vms.GroupBy(v => (string)v["hostId"]!).OrderByDescending(g => g.Count()).First();
        Assert.True(hot.Count() >= 2, "the spread should put at least two VMs on some host");
        var hotName = (string)hosts.Single(h => (string)h!["id"]! == hot.Key)!["name"]!;

        foreach (var vm in hot)
        {
            await cluster.SetVmLoadAsync(hotName, (string)vm["id"]!, 95);
        }
        var pushed = Stopwatch.StartNew();
        await Poll.UntilAsync(() => cluster.GetAsync($"/api/v1/hosts/{hot.Key}"), h => (double)h["usage"]!["cpuPercent"]! > 85,
            Settle, "the host to report more than 85 % CPU");

        var plan = await Poll.UntilAsync(() => cluster.GetAsync("/api/v1/scheduler/plans"),
            p => p["data"]!.AsArray().Any(x => (string)x!["kind"]! == "HOTSPOT" && (string)x!["status"]! == "COMPLETED"),
            TimeSpan.FromSeconds(60), "a completed hotspot plan");
        var hotspot = plan["data"]!.AsArray().First(x => (string)x!["kind"]! == "HOTSPOT")!;
        Assert.All(hotspot["moves"]!.AsArray(), m =>
        {
            Assert.Equal(hot.Key, (string)m!["fromHostId"]!);
            Assert.Equal("MOVED_COLD_SIMULATED", (string)m["outcome"]!);
        });
        Assert.NotEmpty(hotspot["moves"]!.AsArray());
        Assert.True((long)hotspot["costMiB"]! >= (long)hotspot["lowerBoundMiB"]!);

        await Poll.UntilAsync(() => cluster.GetAsync($"/api/v1/hosts/{hot.Key}"), h => (double)h["usage"]!["cpuPercent"]! < 85,
            Settle, "the host to fall below the threshold");
        foreach (var move in hotspot["moves"]!.AsArray())
        {
            await Poll.UntilAsync(() => cluster.GetAsync($"/api/v1/vms/{move!["vmId"]}"),
                v => (string)v["observed"]!["state"]! == "RUNNING" && (string)v["observed"]!["hostId"]! == (string)move!["toHostId"]!,
                Settle, "the moved VM to run on its target");
        }
        Console.WriteLine($"AC3: plan and cool-down {pushed.Elapsed.TotalSeconds:0.0} s after the load was set");
    }

    [Fact]
    public async Task AgentStopped_WithHaReservationForOneFailure_ItsVmsComeBackOnElsewhereWithin60Seconds()
    {
        await using var cluster = await StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await cluster.Api.PutAsJsonAsync("/api/v1/scheduler/settings",
            new { haHostFailures = 1 })).StatusCode);
        var vms = new List<JsonObject>();
        for (var i = 1; i <= 6; i++)
        {
            vms.Add(await CreateRunningVmAsync(cluster, $"ha-{i}", vcpus: 1));
        }
        var hosts = await cluster.HostsAsync();
        var victimId = (string)vms[0]["hostId"]!;
        var victimName = (string)hosts.Single(h => (string)h!["id"]! == victimId)!["name"]!;
        var lost = vms.Where(v => (string)v["hostId"]! == victimId).ToList();

        cluster.KillAgent(victimName);
        var killed = Stopwatch.StartNew();

        foreach (var vm in lost)
        {
            await Poll.UntilAsync(() => cluster.GetAsync($"/api/v1/vms/{vm["id"]}"),
                v => (string)v["observed"]!["state"]! == "RUNNING" && (string)v["observed"]!["hostId"]! != victimId && (string)v["powerState"]! == "ON",
                TimeSpan.FromSeconds(60) - killed.Elapsed, "the VM to run again on another host");
        }
        Assert.True(killed.Elapsed < TimeSpan.FromSeconds(60));
        var plans = await cluster.GetAsync("/api/v1/scheduler/plans");
        var restart = plans["data"]!.AsArray().Single(p => (string)p!["kind"]! == "HA_RESTART")!;
        Assert.Equal(lost.Count, restart["moves"]!.AsArray().Count);
        Assert.All(restart["moves"]!.AsArray(), m => Assert.Equal("HA_RESTART", (string)m!["reason"]!));
        Console.WriteLine($"AC4: {lost.Count} VM(s) back ON elsewhere {killed.Elapsed.TotalSeconds:0.0} s after the agent was killed");
    }

    private static async Task<Cluster> StartAsync()
    {
        var cluster = await Cluster.StartAsync(Agents);
        await Poll.UntilAsync(cluster.HostsAsync, hosts => hosts.Count == 3 && hosts.All(h => (string)h!["state"]! == "CONNECTED"),
            Settle, "three CONNECTED hosts");
        return cluster;
    }

    private static async Task<JsonObject> CreateRunningVmAsync(Cluster cluster, string name, int vcpus)
    {
        var created = await cluster.Api.PostAsJsonAsync("/api/v1/vms", new { name, vcpus, memoryMiB = 1024 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var vm = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        await Poll.UntilAsync(() => cluster.GetAsync($"/api/v1/vms/{vm["id"]}"), v => (string)v["observed"]!["state"]! == "RUNNING",
            Settle, $"{name} to run");
        return vm;
    }
}
