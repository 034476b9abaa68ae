using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Scheduling;

/// <summary>Placement policies by category, through HTTP: CRUD, contradictions, enforcement on create, what-if, compliance.</summary>
public sealed class PlacementPolicyTests : IDisposable
{
    private readonly ControlPlaneFactory _factory = new();
    private readonly HttpClient _client;

    public PlacementPolicyTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AntiAffinityPolicy_CreateReadUpdateDelete_RoundTripsWithETags()
    {
        var created = await _client.PostJsonAsync("/api/v1/vm-anti-affinity-policies",
            """{"name":"web-apart","categories":[{"key":"app","value":"web"}]}""");
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var policy = await created.ReadJsonAsync();
        Assert.Equal("SHOULD", (string)policy["enforcement"]!);
        var url = created.Headers.Location!.ToString();

        var read = await _client.GetAsync(url);
        Assert.Equal("web", (string)(await read.ReadJsonAsync())["categories"]![0]!["value"]!);
        var put = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = JsonContent.Create(new { name = "web-apart", categories = new[] { new { key = "app", value = "web" } }, enforcement = "MUST" }),
        };
        put.Headers.IfMatch.Add(read.Headers.ETag!);
        var updated = await _client.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("MUST", (string)(await updated.ReadJsonAsync())["enforcement"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task MustAffinityAndMustAntiAffinity_OverSameVms_SecondIsRefusedWith409NamingBoth()
    {
        var together = await _client.PostJsonAsync("/api/v1/vm-affinity-policies",
            """{"name":"db-together","categories":[{"key":"app","value":"db"}],"enforcement":"MUST"}""");
        Assert.Equal(HttpStatusCode.Created, together.StatusCode);

        var apart = await _client.PostJsonAsync("/api/v1/vm-anti-affinity-policies",
            """{"name":"db-apart","categories":[{"key":"app","value":"db"}],"enforcement":"MUST"}""");

        Assert.Equal(HttpStatusCode.Conflict, apart.StatusCode);
        var detail = (string)(await apart.ReadJsonAsync())["detail"]!;
        Assert.Contains("'db-together'", detail, StringComparison.Ordinal);
        Assert.Contains("'db-apart'", detail, StringComparison.Ordinal);
        var list = await (await _client.GetAsync("/api/v1/vm-anti-affinity-policies")).ReadJsonAsync();
        Assert.Equal(0, (int)list["metadata"]!["totalAvailableResults"]!);
    }

    [Fact]
    public async Task HostAffinityPolicies_WithNoHostInCommon_SecondIsRefusedWith409()
    {
        await CreateHostAffinityAsync("gpu-only", "tier", "gpu", "rack", "a");

        var second = await _client.PostJsonAsync("/api/v1/vm-host-affinity-policies",
            """{"name":"gpu-elsewhere","vmCategories":[{"key":"tier","value":"gpu"}],"hostCategories":[{"key":"rack","value":"b"}]}""");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("no host allowed by both", (string)(await second.ReadJsonAsync())["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateVm_UnderHostAffinity_LandsOnlyOnMatchingHost()
    {
        var rackA = await _client.RegisterHostAsync("rack-a-1", memoryMiB: 8192);
        await _client.RegisterHostAsync("rack-b-1", memoryMiB: 65536);
        await SetHostCategoriesAsync(rackA.HostId, """{"rack":"a"}""");
        await CreateHostAffinityAsync("pci-on-rack-a", "compliance", "pci", "rack", "a");

        var pci = await CreateVmAsync("pci-1", """{"compliance":"pci"}""");
        var other = await CreateVmAsync("plain-1", null);

        Assert.Equal(rackA.HostId.ToString(), (string)pci["hostId"]!);
        Assert.NotEqual(rackA.HostId.ToString(), (string)other["hostId"]!);
    }

    [Fact]
    public async Task WhatIf_HostAffinityToNoMatchingHost_ExplainsRefusalPerFilter()
    {
        var small = await _client.RegisterHostAsync("small", memoryMiB: 2048);
        await _client.RegisterHostAsync("big", memoryMiB: 65536);
        await SetHostCategoriesAsync(small.HostId, """{"rack":"a"}""");
        await CreateHostAffinityAsync("pci-on-rack-a", "compliance", "pci", "rack", "a");

        var response = await _client.PostJsonAsync("/api/v1/scheduler/$actions/place",
            """{"name":"pci-big","vcpus":2,"memoryMiB":4096,"categories":{"compliance":"pci"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.ReadJsonAsync();
        Assert.False((bool)answer["placeable"]!);
        Assert.Equal(1, (int)answer["rejections"]!["MemoryFilter"]!);
        Assert.Equal(1, (int)answer["rejections"]!["VmHostAffinityFilter"]!);
        var reasons = answer["reasonsByHost"]!.AsObject();
        Assert.Equal(2, reasons.Count);
        Assert.Equal(0, await _client.CountVmsAsync());
        var refused = await _client.PostJsonAsync("/api/v1/vms", """{"name":"pci-big","vcpus":2,"memoryMiB":4096,"categories":{"compliance":"pci"}}""");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task Compliance_ShouldAntiAffinityLargerThanHosts_ReportsNotEnoughHostsPerVm()
    {
        await _client.RegisterHostAsync("h1");
        await _client.RegisterHostAsync("h2");
        var policy = await (await _client.PostJsonAsync("/api/v1/vm-anti-affinity-policies",
            """{"name":"web-apart","categories":[{"key":"app","value":"web"}]}""")).ReadJsonAsync();
        for (var i = 1; i <= 3; i++)
        {
            await CreateVmAsync($"web-{i}", """{"app":"web"}""");
        }

        var compliance = await (await _client.GetAsync($"/api/v1/vm-anti-affinity-policies/{policy["id"]}/compliance")).ReadJsonAsync();

        Assert.Equal(3, compliance["vms"]!.AsArray().Count);
        Assert.Equal(1, (int)compliance["numCompliant"]!);
        Assert.Equal(2, (int)compliance["numNonCompliant"]!);
        var reasons = compliance["vms"]!.AsArray().Where(v => (string)v!["status"]! == "NON_COMPLIANT").Select(v => (string)v!["reason"]!);
        Assert.All(reasons, r => Assert.Equal("NOT_ENOUGH_HOSTS", r));
    }

    [Fact]
    public async Task Compliance_HostAffinityAddedAfterPlacement_ReportsPendingEnforcementAndReEnforceMovesTheVm()
    {
        var rackA = await _client.RegisterHostAsync("rack-a-1", memoryMiB: 8192);
        await _client.RegisterHostAsync("rack-b-1", memoryMiB: 65536);
        await SetHostCategoriesAsync(rackA.HostId, """{"rack":"a"}""");
        var vm = await CreateVmAsync("pci-1", """{"compliance":"pci"}""");
        var policy = await CreateHostAffinityAsync("pci-on-rack-a", "compliance", "pci", "rack", "a");

        var before = await (await _client.GetAsync($"/api/v1/vm-host-affinity-policies/{policy["id"]}/compliance")).ReadJsonAsync();
        Assert.Equal("PENDING_ENFORCEMENT", (string)before["vms"]![0]!["reason"]!);

        var reEnforce = await _client.PostAsync($"/api/v1/vm-host-affinity-policies/{policy["id"]}/$actions/re-enforce", null);
        Assert.Equal(HttpStatusCode.Accepted, reEnforce.StatusCode);
        var plan = await reEnforce.ReadJsonAsync();
        Assert.Equal("POLICY_ENFORCEMENT", (string)plan["kind"]!);
        var move = plan["moves"]![0]!;
        Assert.Equal("HOST_AFFINITY", (string)move["reason"]!);
        Assert.Equal("MOVED_COLD_SIMULATED", (string)move["outcome"]!);
        Assert.Equal(rackA.HostId.ToString(), (string)(await (await _client.GetAsync($"/api/v1/vms/{vm["id"]}")).ReadJsonAsync())["hostId"]!);
        var after = await (await _client.GetAsync($"/api/v1/vm-host-affinity-policies/{policy["id"]}/compliance")).ReadJsonAsync();
        Assert.Equal("COMPLIANT", (string)after["vms"]![0]!["status"]!);
        var plans = await (await _client.GetAsync("/api/v1/scheduler/plans")).ReadJsonAsync();
        Assert.Equal((string)plan["id"]!, (string)plans["data"]![0]!["id"]!);
    }

    [Fact]
    public async Task ConcurrentCreates_FortyInMustAntiAffinityGroupOnFourHosts_PlaceOnePerHostAndRefuseTheRest()
    {
        var hosts = new List<Guid>();
        for (var i = 1; i <= 4; i++)
        {
            hosts.Add((await _client.RegisterHostAsync($"h{i}")).HostId);
        }
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/api/v1/vm-anti-affinity-policies",
            """{"name":"quorum-apart","categories":[{"key":"app","value":"quorum"}],"enforcement":"MUST"}""")).StatusCode);

        var responses = await Task.WhenAll(Enumerable.Range(1, 40).Select(i =>
            _client.PostJsonAsync("/api/v1/vms", $$$"""{"name":"quorum-{{{i}}}","vcpus":1,"memoryMiB":512,"categories":{"app":"quorum"}}""")));

        var placed = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Equal(4, placed.Count);
        Assert.Equal(36, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var placedHosts = await Task.WhenAll(placed.Select(async r => (string)(await r.ReadJsonAsync())["hostId"]!));
        Assert.Equal(hosts.Select(h => h.ToString()).Order(), placedHosts.Order());
        Assert.Equal(4, await _client.CountVmsAsync());
    }

    [Fact]
    public async Task ConcurrentCreates_InMustAffinityGroup_AllLandOnOneHost()
    {
        for (var i = 1; i <= 4; i++)
        {
            await _client.RegisterHostAsync($"h{i}");
        }
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/api/v1/vm-affinity-policies",
            """{"name":"cache-together","categories":[{"key":"app","value":"cache"}],"enforcement":"MUST"}""")).StatusCode);

        // Other creates land meanwhile, so members that each see the group empty see different free memory.
        var members = Enumerable.Range(1, 12).Select(i =>
            _client.PostJsonAsync("/api/v1/vms", $$$"""{"name":"cache-{{{i}}}","vcpus":1,"memoryMiB":512,"categories":{"app":"cache"}}"""));
        var others = Enumerable.Range(1, 12).Select(i =>
            _client.PostJsonAsync("/api/v1/vms", $$$"""{"name":"other-{{{i}}}","vcpus":1,"memoryMiB":4096}"""));
        var all = await Task.WhenAll(members.Zip(others).SelectMany(p => new[] { p.First, p.Second }));
        var responses = all.Where((_, i) => i % 2 == 0).ToList();

        Assert.All(all, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var hosts = await Task.WhenAll(responses.Select(async r => (string)(await r.ReadJsonAsync())["hostId"]!));
        Assert.Single(hosts.Distinct());
    }

    private async Task<JsonNode> CreateHostAffinityAsync(string name, string vmKey, string vmValue, string hostKey, string hostValue)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/vm-host-affinity-policies", new
        {
            name,
            vmCategories = new[] { new { key = vmKey, value = vmValue } },
            hostCategories = new[] { new { key = hostKey, value = hostValue } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private async Task SetHostCategoriesAsync(Guid hostId, string categories)
    {
        var response = await _client.PutAsync($"/api/v1/hosts/{hostId}/categories",
            new StringContent(categories, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonNode> CreateVmAsync(string name, string? categories)
    {
        var body = categories is null
            ? $$"""{"name":"{{name}}","vcpus":1,"memoryMiB":1024}"""
            : $$$"""{"name":"{{{name}}}","vcpus":1,"memoryMiB":1024,"categories":{{{categories}}}}""";
        var response = await _client.PostJsonAsync("/api/v1/vms", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
