using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlPlane.EndToEnd.Tests.Infrastructure;

namespace ControlPlane.EndToEnd.Tests;

/// <summary>Control plane and two agent processes over loopback HTTP; everything through the public API.</summary>
public sealed class VmLifecycleEndToEndTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CreateVm_IsPlacedRunOnItsHostAndPoweredOff()
    {
        await using var cluster = await Cluster.StartAsync("e2e-h1", "e2e-h2");
        await Poll.UntilAsync(cluster.HostsAsync, hosts => hosts.Count == 2 && hosts.All(h => (string)h!["state"]! == "CONNECTED"),
            Settle, "two CONNECTED hosts");

        var created = await cluster.Api.PostAsJsonAsync("/api/v1/vms", new { name = "e2e-vm", vcpus = 2, memoryMiB = 1024 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var vm = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var url = $"/api/v1/vms/{vm["id"]}";
        var hostId = (string)vm["hostId"]!;

        var running = await Poll.UntilAsync(() => cluster.GetAsync(url), v => (string)v["observed"]!["state"]! == "RUNNING",
            TimeSpan.FromSeconds(10), "the VM to run");
        Assert.Equal("ON", (string)running["powerState"]!);
        Assert.Equal(hostId, (string)running["observed"]!["hostId"]!);

        var powerOff = await cluster.Api.PostAsync($"{url}/$actions/power-off", null);
        Assert.Equal(HttpStatusCode.Accepted, powerOff.StatusCode);
        await Poll.UntilAsync(() => cluster.GetAsync(url), v => (string)v["observed"]!["state"]! == "STOPPED",
            TimeSpan.FromSeconds(10), "the VM to stop");
        await Poll.UntilAsync(() => cluster.GetAsync(powerOff.Headers.Location!.ToString()), t => (string)t["status"]! == "SUCCEEDED",
            TimeSpan.FromSeconds(10), "the power-off task to succeed");
    }

    [Fact]
    public async Task StoppedAgent_MakesItsHostUnreachable_AndOnRestartItsVmsRunAgain()
    {
        await using var cluster = await Cluster.StartAsync("e2e-a1");
        await Poll.UntilAsync(cluster.HostsAsync, hosts => hosts.Count == 1 && (string)hosts[0]!["state"]! == "CONNECTED",
            Settle, "the host to connect");
        var vm = (await (await cluster.Api.PostAsJsonAsync("/api/v1/vms", new { name = "survivor", vcpus = 1, memoryMiB = 512 }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var url = $"/api/v1/vms/{vm["id"]}";
        await Poll.UntilAsync(() => cluster.GetAsync(url), v => (string)v["observed"]!["state"]! == "RUNNING", TimeSpan.FromSeconds(10), "the VM to run");

        cluster.KillAgent("e2e-a1");
        await Poll.UntilAsync(cluster.HostsAsync, hosts => (string)hosts[0]!["state"]! == "UNREACHABLE", Settle, "the host to become UNREACHABLE");
        Assert.Equal("UNKNOWN", (string)(await cluster.GetAsync(url))["observed"]!["state"]!);

        cluster.StartAgent("e2e-a1");
        await Poll.UntilAsync(cluster.HostsAsync, hosts => (string)hosts[0]!["state"]! == "CONNECTED", Settle, "the host to reconnect");
        var back = await Poll.UntilAsync(() => cluster.GetAsync(url), v => (string)v["observed"]!["state"]! == "RUNNING",
            Settle, "the agent to bring the VM back to ON: " + cluster.AgentOutput("e2e-a1"));
        Assert.Equal((string)vm["hostId"]!, (string)back["observed"]!["hostId"]!);
        Assert.Single(await cluster.HostsAsync());
    }
}
