using ControlPlane.Agent.Reconciliation;
using ControlPlane.Agent.Tests.Fakes;

namespace ControlPlane.Agent.Tests.Reconciliation;

public sealed class WorkQueueTests
{
    [Fact]
    public async Task Take_IdAddedTwice_IsDeliveredOnce()
    {
        using var queue = new WorkQueue(new FakeTimeProvider());
        var vmId = Guid.NewGuid();
        queue.Add(vmId);
        queue.Add(vmId);

        Assert.Equal(vmId, await queue.TakeAsync(CancellationToken.None));
        queue.Done(vmId);

        Assert.True(queue.IsIdle);
    }

    [Fact]
    public async Task Take_IdAddedWhileProcessing_IsDeliveredAgainOnlyAfterDone()
    {
        using var queue = new WorkQueue(new FakeTimeProvider());
        var vmId = Guid.NewGuid();
        queue.Add(vmId);
        var taken = await queue.TakeAsync(CancellationToken.None);

        queue.Add(vmId);
        var second = queue.TakeAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);

        queue.Done(taken);
        Assert.Equal(vmId, await second);
    }

    [Fact]
    public async Task AddAfter_DelayPasses_DeliversTheId()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue(time);
        var vmId = Guid.NewGuid();

        queue.AddAfter(vmId, TimeSpan.FromSeconds(5));
        Assert.True(queue.IsIdle);
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(vmId, await queue.TakeAsync(CancellationToken.None));
    }
}
