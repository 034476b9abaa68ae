using System.Net;
using System.Net.Http.Headers;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Hosts;

public sealed class AgentAuthTests : IDisposable
{
    private const string Report = """{"observedGeneration":0,"capacity":{"cpuCores":16,"memoryMiB":65536},"vms":[]}""";

    private readonly ControlPlaneFactory _factory = new();
    private readonly HttpClient _client;

    public AgentAuthTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    private async Task<HttpResponseMessage> PostAsAsync(string url, string? token, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await _client.SendAsync(request);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-join-token")]
    public async Task Register_WithoutTheJoinToken_Is401(string? token)
    {
        var response = await PostAsAsync("/api/v1/agent/hosts", token,
            """{"name":"h","agentUrl":"http://127.0.0.1:1","agentToken":"t","capacity":{"cpuCores":1,"memoryMiB":1}}""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Report_WithOwnToken_MarksHostConnectedWithUsage()
    {
        var host = await _client.RegisterHostAsync("h1");

        var response = await PostAsAsync($"/api/v1/agent/hosts/{host.HostId}/status", host.HostToken,
            """{"observedGeneration":0,"capacity":{"cpuCores":16,"memoryMiB":65536},"usage":{"cpuPercent":42.5,"memoryUsedMiB":100},"vms":[]}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var view = await (await _client.GetAsync($"/api/v1/hosts/{host.HostId}")).ReadJsonAsync();
        Assert.Equal("CONNECTED", (string)view["state"]!);
        Assert.Equal(42.5, (double)view["usage"]!["cpuPercent"]!);
    }

    [Fact]
    public async Task Report_ForAnotherHost_Is403()
    {
        var first = await _client.RegisterHostAsync("h1");
        var second = await _client.RegisterHostAsync("h2");

        var response = await PostAsAsync($"/api/v1/agent/hosts/{second.HostId}/status", first.HostToken, Report);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-host-token")]
    [InlineData(ControlPlaneFactory.JoinToken)]
    public async Task Report_WithoutAHostToken_Is401(string? token)
    {
        var host = await _client.RegisterHostAsync("h1");

        var response = await PostAsAsync($"/api/v1/agent/hosts/{host.HostId}/status", token, Report);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Reregister_SameName_RotatesTheTokenAndKeepsTheHost()
    {
        var first = await _client.RegisterHostAsync("h1");
        var again = await _client.RegisterHostAsync("h1");

        Assert.Equal(first.HostId, again.HostId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsAsync($"/api/v1/agent/hosts/{first.HostId}/status", first.HostToken, Report)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsAsync($"/api/v1/agent/hosts/{again.HostId}/status", again.HostToken, Report)).StatusCode);
    }
}
