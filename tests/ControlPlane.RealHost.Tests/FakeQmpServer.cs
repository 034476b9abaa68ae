using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.RealHost.Tests;

/// <summary>
/// A QMP server on a temporary unix socket, enough to test the client without QEMU: greeting,
/// capabilities, echoing replies with the request id, errors, events, delayed (out-of-order) replies,
/// and closing the connection.
/// </summary>
internal sealed class FakeQmpServer : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accept;
    private readonly SemaphoreSlim _write = new(1, 1);
    private Socket? _client;

    public FakeQmpServer()
    {
        SocketPath = Path.Combine(Path.GetTempPath(), $"cprt-qmp-{Guid.NewGuid():N}.sock");
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(1);
        _accept = Task.Run(ServeAsync);
    }

    public string SocketPath { get; }
    public List<string> Received { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client?.Dispose();
        _listener.Dispose();
        try
        {
            await _accept;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
        }

        File.Delete(SocketPath);
        _stop.Dispose();
        _write.Dispose();
    }

    public Task SendEventAsync(string name, JsonObject? data = null)
    {
        var ev = new JsonObject { ["event"] = name, ["timestamp"] = new JsonObject { ["seconds"] = 1, ["microseconds"] = 2 } };
        if (data is not null)
        {
            ev["data"] = data;
        }

        return SendAsync(ev.ToJsonString());
    }

    public void CloseClient() => _client?.Shutdown(SocketShutdown.Both);

    private async Task ServeAsync()
    {
        _client = await _listener.AcceptAsync(_stop.Token);
        using var stream = new NetworkStream(_client, ownsSocket: false);
        using var reader = new StreamReader(stream);
        await SendAsync("""{"QMP": {"version": {"qemu": {"micro": 22, "minor": 2, "major": 7}, "package": "fake"}, "capabilities": ["oob"]}}""");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            lock (Received)
            {
                Received.Add(line);
            }

            var request = JsonNode.Parse(line)!.AsObject();
            var id = request["id"]?.DeepClone();
            var command = request["execute"]!.GetValue<string>();
            _ = Task.Run(() => AnswerAsync(command, request["arguments"]?.AsObject(), id));
        }
    }

    private async Task AnswerAsync(string command, JsonObject? args, JsonNode? id)
    {
        JsonObject reply;
        switch (command)
        {
            case "fail":
                reply = new JsonObject { ["error"] = new JsonObject { ["class"] = "DeviceNotFound", ["desc"] = "no such device" } };
                break;
            case "echo-after":
                await Task.Delay(args!["ms"]!.GetValue<int>());
                reply = new JsonObject { ["return"] = new JsonObject { ["value"] = args["value"]!.DeepClone() } };
                break;
            case "never":
                return;
            case "query-status":
                reply = new JsonObject { ["return"] = new JsonObject { ["status"] = "running", ["running"] = true } };
                break;
            case "stop":
                await SendEventAsync("STOP");
                reply = new JsonObject { ["return"] = new JsonObject() };
                break;
            default:
                reply = new JsonObject { ["return"] = new JsonObject() };
                break;
        }

        reply["id"] = id;
        await SendAsync(reply.ToJsonString());
    }

    private async Task SendAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json + "\r\n");
        await _write.WaitAsync();
        try
        {
            await _client!.SendAsync(bytes, SocketFlags.None);
        }
        finally
        {
            _write.Release();
        }
    }

    internal static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
