using System.Net;
using System.Text;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Reliability;

/// <summary>Each request the fuzz once found mishandled, kept as a plain regression test.</summary>
public sealed class FuzzFindingsTests : IDisposable
{
    private readonly ControlPlaneFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task CreateSubnet_UnknownCharset_Is415ProblemAndCreatesNothing()
    {
        var client = _factory.CreateClient();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"name":"v10","vlanId":10}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=does-not-exist");

        var response = await client.PostAsync("/api/v1/subnets", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Null(await ProblemCheck.FindFaultAsync(response));
        var subnets = await (await client.GetAsync("/api/v1/subnets")).ReadJsonAsync();
        Assert.Equal(0, (int)subnets["metadata"]!["totalAvailableResults"]!);
    }
}
