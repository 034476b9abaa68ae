using System.Net;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Scheduling;

public sealed class DefragmentTests : IDisposable
{
    private readonly ControlPlaneFactory _factory = new();
    private readonly HttpClient _client;

    public DefragmentTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task CreateVm_NoHostFitsButClusterHasRoom_MovesTheCheapestVmThenPlaces()
    {
        await _client.RegisterHostAsync("h1", memoryMiB: 8192);
        await _client.RegisterHostAsync("h2", memoryMiB: 8192);
        // The spread puts one on each host: 5 GiB free on each, 10 GiB in all.
        for (var i = 1; i <= 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/api/v1/vms", $$"""{"name":"small-{{i}}","vcpus":1,"memoryMiB":3072}""")).StatusCode);
        }

        var big = await _client.PostJsonAsync("/api/v1/vms", """{"name":"big","vcpus":1,"memoryMiB":6144}""");

        Assert.Equal(HttpStatusCode.Created, big.StatusCode);
        var plans = await (await _client.GetAsync("/api/v1/scheduler/plans")).ReadJsonAsync();
        var plan = plans["data"]![0]!;
        Assert.Equal("DEFRAGMENT", (string)plan["kind"]!);
        var move = plan["moves"]!.AsArray().Single()!;
        Assert.Equal("MAKE_ROOM", (string)move["reason"]!);
        Assert.Equal(3072, (long)move["memoryMiB"]!);
        Assert.Equal("MOVED_COLD_SIMULATED", (string)move["outcome"]!);
        Assert.Equal((string)move["fromHostId"]!, (string)(await big.ReadJsonAsync())["hostId"]!);
    }
}
