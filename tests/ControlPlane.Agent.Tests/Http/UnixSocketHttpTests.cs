using ControlPlane.Agent.Http;
using ControlPlane.Agent.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Agent.Tests.Http;

public sealed class UnixSocketHttpTests
{
    [Fact]
    public async Task CreateClient_UnixUrl_GetsThroughTheSocket()
    {
        using var dir = new TempDir();
        var socket = dir.File("s.sock");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.ListenUnixSocket(socket));
        await using var app = builder.Build();
        app.MapGet("/ping", () => "pong");
        await app.StartAsync();

        using var client = UnixSocketHttp.CreateClient("unix:" + socket, TimeSpan.FromSeconds(10));

        Assert.Equal("pong", await client.GetStringAsync("ping"));
        await app.StopAsync();
    }

    [Fact]
    public void CreateClient_HttpUrl_UsesItAsBaseAddress()
    {
        using var client = UnixSocketHttp.CreateClient("http://127.0.0.1:5080", TimeSpan.FromSeconds(10));

        Assert.Equal(new Uri("http://127.0.0.1:5080/"), client.BaseAddress);
    }

    [Theory]
    [InlineData("http://unix:/run/agent.sock", "unix:/run/agent.sock")]
    [InlineData("http://127.0.0.1:5090", "http://127.0.0.1:5090")]
    public void FromKestrelAddress_ListenAddress_BecomesReachableUrl(string address, string expected)
    {
        Assert.Equal(expected, UnixSocketHttp.FromKestrelAddress(address));
    }
}
