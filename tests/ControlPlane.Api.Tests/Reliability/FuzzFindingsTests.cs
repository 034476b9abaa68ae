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

    [Theory]
    [InlineData("usage.cpuPercent", "1e400")]
    [InlineData("usage.memoryUsedMiB", "-1")]
    [InlineData("observedGeneration", "-1")]
    [InlineData("driver", "HUGE")]
    [InlineData("capacity.cpuModel", "HUGE")]
    [InlineData("vms.lastError", "HUGE")]
    public async Task ReportHostStatus_ImpossibleValue_Is400AndTheHostIsUnchanged(string field, string value)
    {
        var client = _factory.CreateClient();
        var host = await client.RegisterHostAsync("h1");
        var vm = await (await client.PostJsonAsync("/api/v1/vms", """{"name":"vm","vcpus":1,"memoryMiB":256}""")).ReadJsonAsync();
        var before = await StateSnapshot.TakeAsync(client);
        var literal = value == "HUGE" ? "\"" + new string('x', 100_000) + "\"" : value;
        string Pick(string name, string normal) => field == name ? literal : normal;
        var report = $$"""
            {"observedGeneration":{{Pick("observedGeneration", "0")}},"driver":{{Pick("driver", "\"simulated\"")}},
             "capacity":{"cpuCores":16,"memoryMiB":65536,"cpuModel":{{Pick("capacity.cpuModel", "\"qemu64\"")}}},
             "usage":{"cpuPercent":{{Pick("usage.cpuPercent", "1.5")}},"memoryUsedMiB":{{Pick("usage.memoryUsedMiB", "100")}}},
             "vms":[{"id":"{{vm["id"]}}","state":"RUNNING","lastError":{{Pick("vms.lastError", "null")}}}]}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agent/hosts/{host.HostId}/status")
        {
            Content = new StringContent(report, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", host.HostToken);

        var response = await _factory.CreateAnonymousClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await ProblemCheck.FindFaultAsync(response));
        Assert.Equal(before, await StateSnapshot.TakeAsync(client));
    }

    [Theory]
    [InlineData("\"cpuModel\":\"HUGE\"")]
    [InlineData("\"gpus\":{\"a100\":-1}")]
    public async Task RegisterHost_ImpossibleCapacity_Is400AndRegistersNothing(string capacityField)
    {
        var field = capacityField.Replace("HUGE", new string('x', 100_000), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agent/hosts")
        {
            Content = new StringContent($$$"""
                {"name":"h1","agentUrl":"http://127.0.0.1:9/","agentToken":"t","capacity":{"cpuCores":4,"memoryMiB":4096,{{{field}}}}}
                """, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", ControlPlaneFactory.JoinToken);

        var response = await _factory.CreateAnonymousClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var hosts = await (await _factory.CreateClient().GetAsync("/api/v1/hosts")).ReadJsonAsync();
        Assert.Equal(0, (int)hosts["metadata"]!["totalAvailableResults"]!);
    }
}
