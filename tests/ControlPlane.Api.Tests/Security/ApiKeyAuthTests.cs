using System.Net;
using System.Net.Http.Headers;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Security;

public sealed class ApiKeyAuthTests : IDisposable
{
    private readonly ControlPlaneFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> ClientWithRoleAsync(string role)
    {
        var created = await (await _factory.CreateClient().PostJsonAsync("/api/v1/api-keys", $$"""{"name":"{{role}}-key","role":"{{role}}"}""")).ReadJsonAsync();
        var client = _factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", (string)created["key"]!);
        return client;
    }

    public static TheoryData<string, string> MutatingRoutes => new()
    {
        { "POST", "/api/v1/vms" },
        { "PUT", "/api/v1/vms/00000000-0000-0000-0000-0000000000aa" },
        { "DELETE", "/api/v1/vms/00000000-0000-0000-0000-0000000000aa" },
        { "POST", "/api/v1/vms/00000000-0000-0000-0000-0000000000aa/$actions/power-on" },
        { "POST", "/api/v1/subnets" },
        { "POST", "/api/v1/hosts/00000000-0000-0000-0000-0000000000aa/$actions/enter-maintenance" },
        { "POST", "/api/v1/tasks/00000000-0000-0000-0000-0000000000aa/$actions/cancel" },
        { "POST", "/api/v1/api-keys" },
    };

    [Theory]
    [MemberData(nameof(MutatingRoutes))]
    public async Task MutatingRoute_WithoutAKey_Is401ProblemJson(string method, string url)
    {
        var response = await _factory.CreateAnonymousClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("urn:controlplane:problem:unauthorized", (string)(await response.ReadJsonAsync())["type"]!);
    }

    [Theory]
    [MemberData(nameof(MutatingRoutes))]
    public async Task MutatingRoute_WithAViewerKey_Is403(string method, string url)
    {
        var viewer = await ClientWithRoleAsync("VIEWER");

        var response = await viewer.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ViewerKey_ReadsAndAsksWhatIfButCreatesNothing()
    {
        var viewer = await ClientWithRoleAsync("VIEWER");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/vms")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.PostJsonAsync("/api/v1/scheduler/$actions/place", """{"name":"a","vcpus":1,"memoryMiB":64}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostJsonAsync("/api/v1/vms", """{"name":"a","vcpus":1,"memoryMiB":64}""")).StatusCode);
        Assert.Equal(0, await _factory.CreateClient().CountVmsAsync());
    }

    [Fact]
    public async Task OperatorKey_MutatesButCannotManageKeys()
    {
        var operatorClient = await ClientWithRoleAsync("OPERATOR");

        Assert.Equal(HttpStatusCode.Created, (await operatorClient.PostJsonAsync("/api/v1/subnets", """{"name":"v100","vlanId":100}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/v1/api-keys")).StatusCode);
    }

    [Fact]
    public async Task RevokedKey_Is401()
    {
        var created = await (await _factory.CreateClient().PostJsonAsync("/api/v1/api-keys", """{"name":"temp","role":"OPERATOR"}""")).ReadJsonAsync();
        var client = _factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)created["key"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/vms")).StatusCode);

        await _factory.CreateClient().DeleteAsync($"/api/v1/api-keys/{created["id"]}");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/vms")).StatusCode);
    }

    [Fact]
    public async Task ListedKeys_NeverShowTheirSecret()
    {
        await _factory.CreateClient().PostJsonAsync("/api/v1/api-keys", """{"name":"k","role":"VIEWER"}""");

        var keys = (await (await _factory.CreateClient().GetAsync("/api/v1/api-keys")).ReadJsonAsync())["data"]!.AsArray();

        Assert.All(keys, k => Assert.Null(k!["key"]));
    }

    [Fact]
    public async Task AgentToken_CannotCallUserRoutes()
    {
        var host = await _factory.CreateClient().RegisterHostAsync("h1");
        var agent = _factory.CreateAnonymousClient();
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.HostToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.GetAsync("/api/v1/vms")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.PostJsonAsync("/api/v1/vms", """{"name":"a","vcpus":1,"memoryMiB":64}""")).StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/swagger/index.html")]
    public async Task OperationalRoutes_NeedNoKey(string url)
    {
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateAnonymousClient().GetAsync(url)).StatusCode);
    }
}
