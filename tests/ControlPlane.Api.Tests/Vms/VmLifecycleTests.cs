using System.Net;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Vms;

public sealed class VmLifecycleTests : IDisposable
{
    private readonly ControlPlaneFactory _factory = new();
    private readonly HttpClient _client;

    public VmLifecycleTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    private async Task<string> CreateVmAsync(string name = "vm")
    {
        var response = await _client.PostJsonAsync("/api/v1/vms", $$"""{"name":"{{name}}","vcpus":2,"memoryMiB":1024}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadJsonAsync())["id"]!;
    }

    [Fact]
    public async Task PowerOff_RunningVm_Is202WithARunningTaskAndDesiredStateOff()
    {
        await _client.RegisterHostAsync("h1");
        var id = await CreateVmAsync();

        var response = await _client.PostAsync($"/api/v1/vms/{id}/$actions/power-off", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var task = await response.ReadJsonAsync();
        Assert.Equal($"/api/v1/tasks/{task["id"]}", response.Headers.Location!.ToString());
        Assert.Equal("RUNNING", (string)task["status"]!);
        Assert.Equal("vm.power-off", (string)task["operation"]!);
        var vm = await (await _client.GetAsync($"/api/v1/vms/{id}")).ReadJsonAsync();
        Assert.Equal("OFF", (string)vm["powerState"]!);
        var polled = await (await _client.GetAsync($"/api/v1/tasks/{task["id"]}")).ReadJsonAsync();
        Assert.Equal((string)task["id"]!, (string)polled["id"]!);
    }

    [Fact]
    public async Task Reset_PoweredOffVm_Is409AndChangesNothing()
    {
        await _client.RegisterHostAsync("h1");
        var id = await CreateVmAsync();
        await _client.PostAsync($"/api/v1/vms/{id}/$actions/power-off", null);
        var before = await (await _client.GetAsync($"/api/v1/vms/{id}")).ReadJsonAsync();

        var response = await _client.PostAsync($"/api/v1/vms/{id}/$actions/reset", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var after = await (await _client.GetAsync($"/api/v1/vms/{id}")).ReadJsonAsync();
        Assert.Equal((long)before["desiredGeneration"]!, (long)after["desiredGeneration"]!);
    }

    [Fact]
    public async Task PoweredOffVm_ReservesNothingUntilPoweredOn()
    {
        var host = await _client.RegisterHostAsync("h1", memoryMiB: 2048);
        var first = await CreateVmAsync("first");
        await _client.PostAsync($"/api/v1/vms/{first}/$actions/power-off", null);
        var second = await CreateVmAsync("second");

        var hostView = await (await _client.GetAsync($"/api/v1/hosts/{host.HostId}")).ReadJsonAsync();
        Assert.Equal(1024, (long)hostView["allocated"]!["memoryMiB"]!);
        await _client.PostAsync($"/api/v1/vms/{second}/$actions/power-off", null);
        Assert.Equal(HttpStatusCode.Accepted, (await _client.PostAsync($"/api/v1/vms/{first}/$actions/power-on", null)).StatusCode);
    }

    [Fact]
    public async Task UpdateVm_ChangesNameSizeAndCategories()
    {
        await _client.RegisterHostAsync("h1");
        var id = await CreateVmAsync();

        var response = await _client.PutAsync($"/api/v1/vms/{id}",
            new StringContent("""{"name":"renamed","vcpus":4,"memoryMiB":2048,"categories":{"app":"db"}}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var vm = await response.ReadJsonAsync();
        Assert.Equal("renamed", (string)vm["name"]!);
        Assert.Equal(4, (int)vm["vcpus"]!);
        Assert.Equal("db", (string)vm["categories"]!["app"]!);
    }

    [Fact]
    public async Task DeleteVm_RemovesItAndFreesItsHost()
    {
        var host = await _client.RegisterHostAsync("h1");
        var id = await CreateVmAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/vms/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/vms/{id}")).StatusCode);
        var hostView = await (await _client.GetAsync($"/api/v1/hosts/{host.HostId}")).ReadJsonAsync();
        Assert.Equal(0, (int)hostView["allocated"]!["vms"]!);
    }

    [Theory]
    [InlineData("GET", "/api/v1/vms/00000000-0000-0000-0000-0000000000aa")]
    [InlineData("GET", "/api/v1/vms/not-a-guid")]
    [InlineData("DELETE", "/api/v1/vms/00000000-0000-0000-0000-0000000000aa")]
    [InlineData("POST", "/api/v1/vms/00000000-0000-0000-0000-0000000000aa/$actions/power-on")]
    [InlineData("GET", "/api/v1/hosts/00000000-0000-0000-0000-0000000000aa")]
    [InlineData("GET", "/api/v1/tasks/00000000-0000-0000-0000-0000000000aa")]
    [InlineData("GET", "/api/v1/no-such-thing")]
    public async Task UnknownResource_Is404ProblemJson(string method, string url)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("urn:controlplane:problem:not-found", (string)(await response.ReadJsonAsync())["type"]!);
    }

    [Fact]
    public async Task ListVms_OrderByAFieldDescending_SortsAndFilters()
    {
        await _client.RegisterHostAsync("h1");
        foreach (var (name, memory) in new[] { ("small", 256), ("large", 2048), ("medium", 1024) })
        {
            await _client.PostJsonAsync("/api/v1/vms", $$"""{"name":"{{name}}","vcpus":1,"memoryMiB":{{memory}}}""");
        }

        var sorted = (await (await _client.GetAsync("/api/v1/vms?orderby=memoryMiB%20desc")).ReadJsonAsync())["data"]!.AsArray();
        var filtered = (await (await _client.GetAsync("/api/v1/vms?name=med")).ReadJsonAsync())["data"]!.AsArray();

        Assert.Equal(["large", "medium", "small"], sorted.Select(v => (string)v!["name"]!));
        Assert.Equal("medium", (string)Assert.Single(filtered)!["name"]!);
    }

    [Theory]
    [InlineData("/api/v1/vms?orderby=banana", "orderby")]
    [InlineData("/api/v1/vms?orderby=name%20sideways", "orderby")]
    [InlineData("/api/v1/vms?limit=0", "limit")]
    [InlineData("/api/v1/vms?limit=100000", "limit")]
    [InlineData("/api/v1/vms?page=-1", "page")]
    public async Task ListVms_BadPaging_Is400NamingTheParameter(string url, string field)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task ListVms_PagesByNameWithTotal()
    {
        await _client.RegisterHostAsync("h1");
        foreach (var name in new[] { "c", "a", "b" })
        {
            await CreateVmAsync(name);
        }

        var page = await (await _client.GetAsync("/api/v1/vms?page=1&limit=2")).ReadJsonAsync();

        Assert.Equal(3, (int)page["metadata"]!["totalAvailableResults"]!);
        Assert.Equal("c", (string)page["data"]![0]!["name"]!);
    }
}
