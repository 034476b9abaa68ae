using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ControlPlane.Api.Tests.Infrastructure;
using ControlPlane.Application.Common;
using ControlPlane.Application.Hosts;
using ControlPlane.Application.Scheduling;
using ControlPlane.Application.Views;
using ControlPlane.Application.Vms;
using ControlPlane.Persistence;
using ControlPlane.Persistence.ChangeFeed;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ControlPlane.Api.Tests.Views;

/// <summary>
/// The in-memory views answer the VM and host reads; these tests hold them to what the database says,
/// after writes by every path: handlers, agents' set-based reports, and SQL no handler knows about.
/// </summary>
public sealed class ResourceViewsTests : IDisposable
{
    private readonly ControlPlaneFactory _factory = new();
    private readonly HttpClient _client;

    public ResourceViewsTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Reads_MatchTheDatabase_AfterWritesByEveryPath()
    {
        var h1 = await _client.RegisterHostAsync("h1");
        var h2 = await _client.RegisterHostAsync("h2");
        var ids = new List<string>();
        foreach (var (name, extra) in new[] { ("web-b", ""), ("web-a", ""), ("db", ",\"memoryOvercommit\":true"), ("off", ",\"powerState\":\"OFF\""), ("gone", "") })
        {
            var created = await _client.PostJsonAsync("/api/v1/vms", $$"""{"name":"{{name}}","vcpus":2,"memoryMiB":1000{{extra}}}""");
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((string)(await created.ReadJsonAsync())["id"]!);
        }
        await ReadEverythingAsync(); // The views are loaded; what follows is applied from the change feed.

        Assert.Equal(HttpStatusCode.OK, (await _client.PutAsync($"/api/v1/vms/{ids[0]}",
            new StringContent("""{"name":"web-c","vcpus":3,"memoryMiB":1000,"categories":{"tier":"web"}}""", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _client.PostAsync($"/api/v1/vms/{ids[1]}/$actions/power-off", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/vms/{ids[4]}")).StatusCode);
        var placed = await HostOfAsync(ids[2]);
        var host = placed == h1.HostId.ToString() ? h1 : h2;
        await ReportAsync(host, $$"""[{"id":"{{ids[2]}}","state":"RUNNING","cpuPercent":42.5,"memoryUsedMiB":300}]""");
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
            // Ids are stored as upper-case text; plain SQL, as an operator's script would write it.
            await db.Database.ExecuteSqlAsync($"UPDATE Vms SET Name = 'renamed-by-sql' WHERE Id = {ids[3].ToUpperInvariant()}");
            await db.Database.ExecuteSqlAsync($"UPDATE Hosts SET Name = 'h9' WHERE Id = {h2.HostId.ToString().ToUpperInvariant()}");
        }

        var (vms, hosts) = await ReadEverythingAsync();

        var expected = await FromDatabaseAsync();
        Assert.Equal(expected.Vms, vms);
        Assert.Equal(expected.Hosts, hosts);
        Assert.Equal(4, vms.Count);
        Assert.Equal(["db", "renamed-by-sql", "web-a", "web-c"], (await ListAsync("/api/v1/vms")).Select(v => (string)v!["name"]!));
        Assert.Equal(["h1", "h9"], (await ListAsync("/api/v1/hosts")).Select(h => (string)h!["name"]!));
    }

    [Fact]
    public async Task HostAllocations_FollowPowerAndDeletion()
    {
        var host = await _client.RegisterHostAsync("h1");
        var on = (string)(await (await _client.PostJsonAsync("/api/v1/vms", """{"name":"a","vcpus":2,"memoryMiB":1024}""")).ReadJsonAsync())["id"]!;
        var overcommitted = (string)(await (await _client.PostJsonAsync("/api/v1/vms",
            """{"name":"b","vcpus":1,"memoryMiB":1000,"memoryOvercommit":true}""")).ReadJsonAsync())["id"]!;

        Assert.Equal((3, 1024 + 500, 2), await AllocatedAsync(host.HostId));
        await _client.PostAsync($"/api/v1/vms/{on}/$actions/power-off", null);
        Assert.Equal((1, 500, 1), await AllocatedAsync(host.HostId));
        await _client.DeleteAsync($"/api/v1/vms/{overcommitted}");
        Assert.Equal((0, 0, 0), await AllocatedAsync(host.HostId));
        await _client.PostAsync($"/api/v1/vms/{on}/$actions/power-on", null);
        Assert.Equal((2, 1024, 1), await AllocatedAsync(host.HostId));
    }

    [Fact]
    public async Task ConsumedChanges_ArePruned_AndLaterChangesStillArrive()
    {
        // The application's own views, pruning early: placement reads them too, so a second instance pruning rows
        // the first has not consumed would leave the first behind.
        using var factory = _factory.WithWebHostBuilder(web => web.ConfigureServices(services => services.AddSingleton(provider =>
            new ResourceViews(provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<CommitCounter>(),
                provider.GetRequiredService<IOptions<SchedulingOptions>>(), NullLogger<ResourceViews>.Instance) { PruneAfter = 3 })));
        using var client = factory.CreateClient();
        var views = factory.Services.GetRequiredService<ResourceViews>();
        await client.RegisterHostAsync("h1");
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(Guid.Parse((string)(await (await client.PostJsonAsync("/api/v1/vms", $$"""{"name":"vm-{{i}}","vcpus":1,"memoryMiB":64}""")).ReadJsonAsync())["id"]!));
            Assert.Equal(i + 1, (await views.VmPageAsync(0, 10, CancellationToken.None)).Total);
        }

        // Pruning runs beside the readers; give it a moment.
        for (var i = 0; i < 100 && await ChangeRowsAsync(factory) >= 3; i++)
        {
            await Task.Delay(50);
        }
        Assert.True(await ChangeRowsAsync(factory) < 3, "the change feed was never pruned");
        await client.DeleteAsync($"/api/v1/vms/{ids[0]}");
        Assert.Null(await views.VmAsync(ids[0], CancellationToken.None));
        Assert.Equal(3, (await views.VmPageAsync(0, 10, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task AVmAHostStopsReporting_IsMissing_AndOnlyThatOne()
    {
        var host = await _client.RegisterHostAsync("h1");
        var kept = (string)(await (await _client.PostJsonAsync("/api/v1/vms", """{"name":"kept","vcpus":1,"memoryMiB":64}""")).ReadJsonAsync())["id"]!;
        var gone = (string)(await (await _client.PostJsonAsync("/api/v1/vms", """{"name":"gone","vcpus":1,"memoryMiB":64}""")).ReadJsonAsync())["id"]!;
        await ReportAsync(host, $$"""[{"id":"{{kept}}","state":"RUNNING","cpuPercent":1,"memoryUsedMiB":64},{"id":"{{gone}}","state":"RUNNING","cpuPercent":1,"memoryUsedMiB":64}]""");

        await ReportAsync(host, $$"""[{"id":"{{kept}}","state":"RUNNING","cpuPercent":1,"memoryUsedMiB":64}]""");

        var keptObserved = (await (await _client.GetAsync($"/api/v1/vms/{kept}")).ReadJsonAsync())["observed"]!;
        var goneObserved = (await (await _client.GetAsync($"/api/v1/vms/{gone}")).ReadJsonAsync())["observed"]!;
        Assert.Equal(("RUNNING", host.HostId.ToString()), ((string)keptObserved["state"]!, (string?)keptObserved["hostId"]));
        Assert.Equal(("MISSING", (string?)null), ((string)goneObserved["state"]!, (string?)goneObserved["hostId"]));
        var (expectedVms, expectedHosts) = await FromDatabaseAsync();
        var (vms, hosts) = await ReadEverythingAsync();
        Assert.Equal(expectedVms, vms);
        Assert.Equal(expectedHosts, hosts);
    }

    private static async Task<int> ChangeRowsAsync(WebApplicationFactory<Program> factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>().ResourceChanges.CountAsync();
    }

    private async Task<(int Vcpus, long MemoryMiB, int Vms)> AllocatedAsync(Guid hostId)
    {
        var allocated = (await (await _client.GetAsync($"/api/v1/hosts/{hostId}")).ReadJsonAsync())["allocated"]!;
        return ((int)allocated["vcpus"]!, (long)allocated["memoryMiB"]!, (int)allocated["vms"]!);
    }

    private async Task<string> HostOfAsync(string vmId) => (string)(await (await _client.GetAsync($"/api/v1/vms/{vmId}")).ReadJsonAsync())["hostId"]!;

    private async Task ReportAsync(Contracts.HostRegistrationResponse host, string vms)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agent/hosts/{host.HostId}/status")
        {
            Content = new StringContent($$"""{"observedGeneration":1,"capacity":{"cpuCores":16,"memoryMiB":65536},"usage":{"cpuPercent":7,"memoryUsedMiB":300},"vms":{{vms}}}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.HostToken);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(request)).StatusCode);
    }

    private async Task<JsonArray> ListAsync(string url) => (await (await _client.GetAsync(url)).ReadJsonAsync())["data"]!.AsArray();

    /// <summary>Each VM by id, then the VM list and each host by id: the bodies the API sends.</summary>
    private async Task<(List<string> Vms, List<string> Hosts)> ReadEverythingAsync()
    {
        var list = await ListAsync("/api/v1/vms?limit=500");
        var vms = new List<string>();
        foreach (var vm in list)
        {
            var single = await _client.GetStringAsync($"/api/v1/vms/{vm!["id"]}");
            Assert.Equal(vm.ToJsonString(), JsonNode.Parse(single)!.ToJsonString());
            vms.Add(single);
        }
        var hosts = new List<string>();
        foreach (var host in await ListAsync("/api/v1/hosts"))
        {
            hosts.Add(await _client.GetStringAsync($"/api/v1/hosts/{host!["id"]}"));
        }
        return (vms, hosts);
    }

    /// <summary>The same bodies built straight from the database, the way the handlers did before the views.</summary>
    private async Task<(List<string> Vms, List<string> Hosts)> FromDatabaseAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
        var vms = await db.Vms.AsNoTracking().AsSplitQuery().OrderBy(v => v.Name).ThenBy(v => v.Id).ToListAsync();
        var hosts = await db.Hosts.AsNoTracking().OrderBy(h => h.Name).ToListAsync();
        var allocated = await scope.ServiceProvider.GetRequiredService<HostAllocations>().ForAsync([.. hosts.Select(h => h.Id)], CancellationToken.None);
        return ([.. vms.Select(v => Encoding.UTF8.GetString(ApiJson.Serialize(VmResponse.From(v))))],
            [.. hosts.Select(h => Encoding.UTF8.GetString(ApiJson.Serialize(HostResponse.From(h, allocated[h.Id]))))]);
    }
}
