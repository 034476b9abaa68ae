using System.Net.Http.Json;
using ControlPlane.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ControlPlane.Api.Tests.Scheduling;

public sealed class BackgroundEnforcementTests : IDisposable
{
    private readonly ControlPlaneFactory _factory = new();
    private readonly WebApplicationFactory<Program> _fast;
    private readonly HttpClient _client;

    public BackgroundEnforcementTests()
    {
        _fast = _factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("ControlPlane:Ads:IntervalSeconds", "0.5");
            web.UseSetting("ControlPlane:Ads:EnforcementIntervalSeconds", "0.5");
        });
        _client = _fast.CreateClient();
        if (!_client.DefaultRequestHeaders.Contains("X-Api-Key"))
        {
            _client.DefaultRequestHeaders.Add("X-Api-Key", ControlPlaneFactory.AdminKey);
        }
    }

    public void Dispose()
    {
        _fast.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task HostAffinityAddedAfterPlacement_IsEnforcedInTheBackground()
    {
        var rackA = await _client.RegisterHostAsync("rack-a-1", memoryMiB: 8192);
        await _client.RegisterHostAsync("rack-b-1", memoryMiB: 65536);
        await _client.PutAsync($"/api/v1/hosts/{rackA.HostId}/categories",
            new StringContent("""{"rack":"a"}""", System.Text.Encoding.UTF8, "application/json"));
        var created = await _client.PostJsonAsync("/api/v1/vms",
            """{"name":"pci-1","vcpus":1,"memoryMiB":1024,"categories":{"compliance":"pci"}}""");
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var vm = await created.ReadJsonAsync();
        Assert.NotEqual(rackA.HostId.ToString(), (string)vm["hostId"]!);

        await _client.PostAsJsonAsync("/api/v1/vm-host-affinity-policies", new
        {
            name = "pci-on-rack-a",
            vmCategories = new[] { new { key = "compliance", value = "pci" } },
            hostCategories = new[] { new { key = "rack", value = "a" } },
        });

        var deadline = DateTime.UtcNow.AddSeconds(10);
        string hostId;
        do
        {
            await Task.Delay(200);
            hostId = (string)(await (await _client.GetAsync($"/api/v1/vms/{vm["id"]}")).ReadJsonAsync())["hostId"]!;
        }
        while (hostId != rackA.HostId.ToString() && DateTime.UtcNow < deadline);
        Assert.Equal(rackA.HostId.ToString(), hostId);
        var plan = (await (await _client.GetAsync("/api/v1/scheduler/plans")).ReadJsonAsync())["data"]![0]!;
        Assert.Equal("background policy enforcement", (string)plan["trigger"]!);
    }
}
