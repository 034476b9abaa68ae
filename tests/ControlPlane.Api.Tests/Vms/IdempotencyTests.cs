using System.Net;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Vms;

public sealed class IdempotencyTests : IDisposable
{
    private readonly ControlPlaneFactory _factory = new();
    private readonly HttpClient _client;

    public IdempotencyTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    private Task<HttpResponseMessage> PostAsync(string url, string body, string header, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(header, key);
        return _client.SendAsync(request);
    }

    [Theory]
    [InlineData("Idempotency-Key")]
    [InlineData("NTNX-Request-Id")]
    public async Task CreateVm_ReplayedWithTheSameKey_ReturnsTheSameVmAndCreatesNothing(string header)
    {
        await _client.RegisterHostAsync("h1");
        const string body = """{"name":"once","vcpus":1,"memoryMiB":512}""";

        var first = await PostAsync("/api/v1/vms", body, header, "key-1");
        var again = await PostAsync("/api/v1/vms", """{ "memoryMiB": 512, "vcpus": 1, "name": "once" }""", header, "key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await _client.CountVmsAsync());
    }

    [Fact]
    public async Task CreateVm_SameKeyOtherBody_Is409AndCreatesNothingMore()
    {
        await _client.RegisterHostAsync("h1");
        await PostAsync("/api/v1/vms", """{"name":"a","vcpus":1,"memoryMiB":512}""", "Idempotency-Key", "key-2");

        var response = await PostAsync("/api/v1/vms", """{"name":"b","vcpus":1,"memoryMiB":512}""", "Idempotency-Key", "key-2");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, await _client.CountVmsAsync());
    }

    [Fact]
    public async Task CreateVm_RetriedAfterAFailure_IsNotPoisoned()
    {
        const string body = """{"name":"later","vcpus":1,"memoryMiB":512}""";
        var failed = await PostAsync("/api/v1/vms", body, "Idempotency-Key", "key-3");
        Assert.Equal(HttpStatusCode.Conflict, failed.StatusCode);
        await _client.RegisterHostAsync("h1");

        var retried = await PostAsync("/api/v1/vms", body, "Idempotency-Key", "key-3");

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    [Fact]
    public async Task CreateVm_ConcurrentDuplicates_CreateOneVm()
    {
        await _client.RegisterHostAsync("h1");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            PostAsync("/api/v1/vms", """{"name":"dup","vcpus":1,"memoryMiB":512}""", "Idempotency-Key", "key-4")));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Equal(1, await _client.CountVmsAsync());
    }

    [Fact]
    public async Task PowerAction_Replayed_ReturnsTheSameTask()
    {
        await _client.RegisterHostAsync("h1");
        var vm = await (await _client.PostJsonAsync("/api/v1/vms", """{"name":"p","vcpus":1,"memoryMiB":512}""")).ReadJsonAsync();
        var url = $"/api/v1/vms/{vm["id"]}/$actions/power-off";

        var first = await (await PostAsync(url, "", "Idempotency-Key", "key-5")).ReadJsonAsync();
        var again = await (await PostAsync(url, "", "Idempotency-Key", "key-5")).ReadJsonAsync();

        Assert.Equal((string)first["id"]!, (string)again["id"]!);
    }
}
