using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>
/// A QMP client over a unix socket: reads the greeting, negotiates capabilities, correlates each
/// command with its answer through <c>id</c>, and dispatches asynchronous events to subscribers and
/// waiters. Thread-safe: any number of callers may execute commands at once.
/// </summary>
internal sealed class QmpClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(15);

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly List<(string Name, Func<QmpEvent, bool> Match, TaskCompletionSource<QmpEvent> Tcs)> _waiters = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _readLoop = Task.CompletedTask;
    private long _nextId;

    private QmpClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new StreamReader(_stream, new UTF8Encoding(false));
    }

    /// <summary>Raised on the reader thread for every event; handlers must be quick and must not throw.</summary>
    public event Action<QmpEvent>? EventReceived;

    /// <summary>Completes when the connection ends (QEMU quit or died, or the client was disposed).</summary>
    public Task Closed => _closed.Task;

    public bool IsConnected => !_closed.Task.IsCompleted;

    /// <summary>QEMU's version from the greeting, e.g. "7.2.22".</summary>
    public string Version { get; private set; } = string.Empty;

    public static async Task<QmpClient> ConnectAsync(string socketPath, TimeSpan timeout, CancellationToken ct)
    {
        if (Encoding.UTF8.GetByteCount(socketPath) > 107)
        {
            throw new QmpException($"QMP socket path too long for a unix socket: {socketPath}");
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        Exception? last = null;
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            QmpClient? client = null;
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cts.Token);
                client = new QmpClient(socket);
                await client.HandshakeAsync(cts.Token);
                return client;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await DisposeQuietly(client, socket);
                throw new QmpException($"QMP at {socketPath}: no greeting within {timeout}", last ?? new TimeoutException());
            }
            catch (SocketException e)
            {
                await DisposeQuietly(client, socket);
                last = e;
                await Task.Delay(50, cts.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                if (cts.IsCancellationRequested)
                {
                    ct.ThrowIfCancellationRequested();
                    throw new QmpException($"QMP at {socketPath}: cannot connect within {timeout}: {e.Message}", e);
                }
            }
            catch
            {
                await DisposeQuietly(client, socket);
                throw;
            }
        }
    }

    public async Task<JsonElement> ExecuteAsync(string command, JsonObject? arguments, CancellationToken ct, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        try
        {
            if (!IsConnected)
            {
                throw new QmpException($"QMP {command}: connection closed");
            }

            var message = new JsonObject { ["execute"] = command, ["id"] = id };
            if (arguments is not null)
            {
                message["arguments"] = arguments.DeepClone();
            }

            var bytes = Encoding.UTF8.GetBytes(message.ToJsonString() + "\n");
            await _writeLock.WaitAsync(ct);
            try
            {
                await _stream.WriteAsync(bytes, ct);
            }
            catch (IOException e)
            {
                throw new QmpException($"QMP {command}: {e.Message}", e);
            }
            finally
            {
                _writeLock.Release();
            }

            var limit = timeout ?? DefaultCommandTimeout;
            try
            {
                return await tcs.Task.WaitAsync(limit, ct);
            }
            catch (TimeoutException e)
            {
                throw new QmpException($"QMP {command}: no answer within {limit}", e);
            }
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public Task<JsonElement> ExecuteAsync(string command, CancellationToken ct) => ExecuteAsync(command, null, ct);

    /// <summary>
    /// Registers a waiter for the next event of this name (and matching the predicate) at call time, so
    /// call it before the command that causes the event, and await the task afterwards.
    /// </summary>
    public async Task<QmpEvent> WaitForEventAsync(string name, Func<QmpEvent, bool>? match, TimeSpan timeout, CancellationToken ct)
    {
        var tcs = new TaskCompletionSource<QmpEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = (name, match ?? (_ => true), tcs);
        lock (_waiters)
        {
            _waiters.Add(entry);
        }

        try
        {
            var done = await Task.WhenAny(tcs.Task, _closed.Task).WaitAsync(timeout, ct);
            if (done != tcs.Task)
            {
                throw new QmpException($"QMP connection closed while waiting for {name}");
            }

            return await tcs.Task;
        }
        catch (TimeoutException e)
        {
            throw new QmpException($"QMP event {name} did not arrive within {timeout}", e);
        }
        finally
        {
            lock (_waiters)
            {
                _waiters.Remove(entry);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        await _stream.DisposeAsync();
        try
        {
            await _readLoop;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
        }

        _reader.Dispose();
        _writeLock.Dispose();
    }

    private static async Task DisposeQuietly(QmpClient? client, Socket socket)
    {
        if (client is not null)
        {
            await client.DisposeAsync();
        }
        else
        {
            socket.Dispose();
        }
    }

    private async Task HandshakeAsync(CancellationToken ct)
    {
        var line = await _reader.ReadLineAsync(ct) ?? throw new QmpException("QMP closed before its greeting");
        using (var greeting = JsonDocument.Parse(line))
        {
            if (!greeting.RootElement.TryGetProperty("QMP", out var qmp))
            {
                throw new QmpException("not a QMP greeting: " + line);
            }

            if (qmp.TryGetProperty("version", out var v) && v.TryGetProperty("qemu", out var q))
            {
                Version = $"{q.GetProperty("major").GetInt32()}.{q.GetProperty("minor").GetInt32()}.{q.GetProperty("micro").GetInt32()}";
            }
        }

        _readLoop = Task.Run(ReadLoopAsync, CancellationToken.None);
        await ExecuteAsync("qmp_capabilities", ct);
    }

    private async Task ReadLoopAsync()
    {
        Exception? error = null;
        try
        {
            while (await _reader.ReadLineAsync() is { } line)
            {
                if (line.Length > 0)
                {
                    Dispatch(line);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or JsonException)
        {
            error = e;
        }
        finally
        {
            _closed.TrySetResult();
            foreach (var (_, tcs) in _pending)
            {
                tcs.TrySetException(new QmpException("QMP connection closed" + (error is null ? string.Empty : ": " + error.Message)));
            }
        }
    }

    private void Dispatch(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        if (root.TryGetProperty("event", out var ev))
        {
            var data = root.TryGetProperty("data", out var d) ? d.Clone() : default;
            var at = DateTimeOffset.UtcNow;
            if (root.TryGetProperty("timestamp", out var ts) && ts.TryGetProperty("seconds", out var s) && ts.TryGetProperty("microseconds", out var us))
            {
                at = DateTimeOffset.FromUnixTimeSeconds(s.GetInt64()).AddTicks(us.GetInt64() * 10);
            }

            Publish(new QmpEvent(ev.GetString() ?? string.Empty, data, at));
            return;
        }

        if (!root.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var id) || !_pending.TryGetValue(id, out var tcs))
        {
            return;
        }

        if (root.TryGetProperty("error", out var error))
        {
            var cls = error.TryGetProperty("class", out var c) ? c.GetString() : null;
            var desc = error.TryGetProperty("desc", out var de) ? de.GetString() : error.ToString();
            tcs.TrySetException(new QmpException($"QMP error {cls}: {desc}", cls));
        }
        else
        {
            tcs.TrySetResult(root.TryGetProperty("return", out var r) ? r.Clone() : default);
        }
    }

    private void Publish(QmpEvent e)
    {
        List<TaskCompletionSource<QmpEvent>> matched = [];
        lock (_waiters)
        {
            foreach (var (name, match, tcs) in _waiters)
            {
                if (name == e.Name && match(e))
                {
                    matched.Add(tcs);
                }
            }
        }

        foreach (var tcs in matched)
        {
            tcs.TrySetResult(e);
        }

        EventReceived?.Invoke(e);
    }
}
