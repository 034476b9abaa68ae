using System.Net;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Vms;

public sealed class ETagTests : IDisposable
{
    private const string Rename = """{"name":"renamed","vcpus":2,"memoryMiB":1024}""";

    private readonly ControlPlaneFactory _factory = new();
    private readonly HttpClient _client;

    public ETagTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    private async Task<(string Url, string ETag)> CreateVmAsync()
    {
        await _client.RegisterHostAsync("h1");
        var created = await _client.PostJsonAsync("/api/v1/vms", """{"name":"vm","vcpus":2,"memoryMiB":1024}""");
        var url = $"/api/v1/vms/{(await created.ReadJsonAsync())["id"]}";
        var get = await _client.GetAsync(url);
        return (url, get.Headers.ETag!.ToString());
    }

    private Task<HttpResponseMessage> PutAsync(string url, string body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return _client.SendAsync(request);
    }

    [Fact]
    public async Task Put_WithCurrentETag_SucceedsAndMovesTheETag()
    {
        var (url, etag) = await CreateVmAsync();

        var response = await PutAsync(url, Rename, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task TwoWritersWithTheSameETag_OneWinsTheOtherGets412()
    {
        var (url, etag) = await CreateVmAsync();

        var answers = await Task.WhenAll(
            PutAsync(url, """{"name":"first","vcpus":2,"memoryMiB":1024}""", etag),
            PutAsync(url, """{"name":"second","vcpus":2,"memoryMiB":1024}""", etag));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.PreconditionFailed);
        Assert.Equal("urn:controlplane:problem:precondition-failed", (string)(await loser.ReadJsonAsync())["type"]!);
    }

    [Fact]
    public async Task Delete_WithStaleETag_Is412AndKeepsTheVm()
    {
        var (url, etag) = await CreateVmAsync();
        await PutAsync(url, Rename, etag);

        var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*")]
    public async Task Put_WithoutIfMatchOrWithStar_IsAllowedByDefault(string? ifMatch)
    {
        var (url, _) = await CreateVmAsync();

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(url, Rename, ifMatch)).StatusCode);
    }

    [Fact]
    public async Task Put_WithMalformedIfMatch_Is400NamingTheHeader()
    {
        var (url, _) = await CreateVmAsync();

        var response = await PutAsync(url, Rename, "not-an-etag");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("If-Match"));
    }

    [Fact]
    public async Task Action_NeverNeedsIfMatch()
    {
        var (url, _) = await CreateVmAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await _client.PostAsync($"{url}/$actions/power-off", null)).StatusCode);
    }
}
