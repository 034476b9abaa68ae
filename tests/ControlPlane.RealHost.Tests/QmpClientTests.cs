using System.Text.Json.Nodes;
using ControlPlane.Agent.Hypervisor.Qemu;

namespace ControlPlane.RealHost.Tests;

public sealed class QmpClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Connect_ReadsGreeting_AndNegotiatesCapabilities()
    {
        await using var server = new FakeQmpServer();
        await using var client = await QmpClient.ConnectAsync(server.SocketPath, Timeout, CancellationToken.None);

        Assert.Equal("7.2.22", client.Version);
        Assert.Contains(server.Received, l => l.Contains("\"qmp_capabilities\"", StringComparison.Ordinal));
        var status = await client.ExecuteAsync("query-status", CancellationToken.None);
        Assert.Equal("running", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Execute_ConcurrentCommands_EachGetsItsOwnAnswer()
    {
        await using var server = new FakeQmpServer();
        await using var client = await QmpClient.ConnectAsync(server.SocketPath, Timeout, CancellationToken.None);

        var slow = client.ExecuteAsync("echo-after", new JsonObject { ["ms"] = 300, ["value"] = "slow" }, CancellationToken.None);
        var fast = client.ExecuteAsync("echo-after", new JsonObject { ["ms"] = 10, ["value"] = "fast" }, CancellationToken.None);

        Assert.Equal("fast", (await fast).GetProperty("value").GetString());
        Assert.False(slow.IsCompleted);
        Assert.Equal("slow", (await slow).GetProperty("value").GetString());
    }

    [Fact]
    public async Task Execute_ErrorReply_ThrowsWithErrorClass()
    {
        await using var server = new FakeQmpServer();
        await using var client = await QmpClient.ConnectAsync(server.SocketPath, Timeout, CancellationToken.None);

        var e = await Assert.ThrowsAsync<QmpException>(() => client.ExecuteAsync("fail", CancellationToken.None));
        Assert.Equal("DeviceNotFound", e.ErrorClass);
    }

    [Fact]
    public async Task Execute_NoAnswer_TimesOut()
    {
        await using var server = new FakeQmpServer();
        await using var client = await QmpClient.ConnectAsync(server.SocketPath, Timeout, CancellationToken.None);

        await Assert.ThrowsAsync<QmpException>(() => client.ExecuteAsync("never", null, CancellationToken.None, TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Events_AreDispatchedToSubscribersAndWaiters()
    {
        await using var server = new FakeQmpServer();
        await using var client = await QmpClient.ConnectAsync(server.SocketPath, Timeout, CancellationToken.None);
        var seen = new List<string>();
        client.EventReceived += e =>
        {
            lock (seen)
            {
                seen.Add(e.Name);
            }
        };

        var stop = client.WaitForEventAsync("STOP", null, Timeout, CancellationToken.None);
        var deleted = client.WaitForEventAsync("DEVICE_DELETED", e => e.DataString("device") == "nic-b", Timeout, CancellationToken.None);
        await client.ExecuteAsync("stop", CancellationToken.None);
        await server.SendEventAsync("DEVICE_DELETED", new JsonObject { ["device"] = "nic-a" });
        await server.SendEventAsync("DEVICE_DELETED", new JsonObject { ["device"] = "nic-b" });

        Assert.Equal("STOP", (await stop).Name);
        Assert.Equal("nic-b", (await deleted).DataString("device"));
        await Eventually.HoldsAsync(() => { lock (seen) { return seen.Count == 3; } }, Timeout, "three events");
    }

    [Fact]
    public async Task ServerCloses_PendingCommandsFail_AndClosedCompletes()
    {
        await using var server = new FakeQmpServer();
        await using var client = await QmpClient.ConnectAsync(server.SocketPath, Timeout, CancellationToken.None);

        var pending = client.ExecuteAsync("never", CancellationToken.None);
        await Eventually.HoldsAsync(() => server.Received.Count >= 2, Timeout, "the command reached the server");
        server.CloseClient();

        await Assert.ThrowsAsync<QmpException>(() => pending);
        await client.Closed.WaitAsync(Timeout);
        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<QmpException>(() => client.ExecuteAsync("query-status", CancellationToken.None));
    }

    [Fact]
    public async Task Connect_NoServer_FailsWithinTimeout()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cprt-none-{Guid.NewGuid():N}.sock");

        await Assert.ThrowsAsync<QmpException>(() => QmpClient.ConnectAsync(path, TimeSpan.FromMilliseconds(300), CancellationToken.None));
    }
}
