using System.Net;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Operations;

public sealed class MetricsTests : IDisposable
{
    private readonly ControlPlaneFactory _factory = new();
    private readonly HttpClient _client;

    public MetricsTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Metrics_ShowRequestsPlacementsAndHosts_InPrometheusText()
    {
        await _client.RegisterHostAsync("h1", memoryMiB: 1024);
        await _client.PostJsonAsync("/api/v1/vms", """{"name":"fits","vcpus":1,"memoryMiB":512}""");
        await _client.PostJsonAsync("/api/v1/vms", """{"name":"too-big","vcpus":1,"memoryMiB":4096}""");

        var response = await _client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("controlplane_http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/vms/\",status=\"2xx\",le=\"+Inf\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("controlplane_scheduler_placements_total{outcome=\"placed\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("controlplane_scheduler_placements_total{outcome=\"unplaceable\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("controlplane_hosts{state=\"CONNECTED\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WithoutAKey_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateAnonymousClient().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task EveryAnswer_CarriesARequestId()
    {
        var response = await _client.GetAsync("/api/v1/vms/not-a-guid");

        Assert.Equal(32, response.Headers.GetValues("X-Request-Id").Single().Length);
    }
}
