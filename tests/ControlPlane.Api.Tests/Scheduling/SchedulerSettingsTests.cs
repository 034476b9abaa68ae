using System.Net;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Scheduling;

public sealed class SchedulerSettingsTests : IDisposable
{
    private readonly ControlPlaneFactory _factory = new();
    private readonly HttpClient _client;

    public SchedulerSettingsTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Settings_Default_AreTheConfiguredOnes()
    {
        var settings = await (await _client.GetAsync("/api/v1/scheduler/settings")).ReadJsonAsync();

        Assert.Equal(85, (double)settings["cpuThresholdPercent"]!);
        Assert.Equal(0, (int)settings["haHostFailures"]!);
        Assert.True((bool)settings["adsEnabled"]!);
    }

    [Fact]
    public async Task Settings_BadThreshold_Is400NamingTheField()
    {
        var response = await PutSettingsAsync("""{"cpuThresholdPercent":150}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("cpuThresholdPercent"));
    }

    [Fact]
    public async Task CreateVm_WithHaReservationForOneFailure_IsRefusedOnceItWouldBreakTheGuarantee()
    {
        await _client.RegisterHostAsync("h1", memoryMiB: 8192);
        await _client.RegisterHostAsync("h2", memoryMiB: 8192);
        Assert.Equal(HttpStatusCode.OK, (await PutSettingsAsync("""{"haHostFailures":1}""")).StatusCode);

        // 8 GiB must stay free for the VMs of the largest host: 16 GiB in all leaves 8 GiB to use.
        for (var i = 1; i <= 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/api/v1/vms", $$"""{"name":"vm-{{i}}","vcpus":1,"memoryMiB":4096}""")).StatusCode);
        }
        var refused = await _client.PostJsonAsync("/api/v1/vms", """{"name":"vm-3","vcpus":1,"memoryMiB":1024}""");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal("urn:controlplane:problem:unplaceable", (string)problem["type"]!);
        Assert.Equal(2, (int)problem["rejections"]!["HaReservationFilter"]!);
        Assert.Equal(2, await _client.CountVmsAsync());
        var ha = (await (await _client.GetAsync("/api/v1/scheduler/settings")).ReadJsonAsync())["ha"]!;
        Assert.True((bool)ha["guaranteed"]!);
        Assert.Equal(8192, (long)ha["reserveMiB"]!);
    }

    private Task<HttpResponseMessage> PutSettingsAsync(string json) =>
        _client.PutAsync("/api/v1/scheduler/settings", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
}
