using System.Threading.Channels;

namespace ControlPlane.Agent.Reconciliation;

/// <summary>A wake-up call that coalesces: any number of requests before the waiter wakes count as one.</summary>
internal abstract class Pulse
{
    private readonly Channel<bool> _channel =
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Request() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken ct) => await _channel.Reader.ReadAsync(ct);
}
