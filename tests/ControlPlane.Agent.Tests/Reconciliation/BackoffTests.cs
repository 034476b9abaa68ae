using ControlPlane.Agent.Reconciliation;

namespace ControlPlane.Agent.Tests.Reconciliation;

public sealed class BackoffTests
{
    [Fact]
    public void NextDelay_RepeatedFailures_DoublesFromOneSecondAndCapsAtSixty()
    {
        var backoff = Backoff.Default();
        var vmId = Guid.NewGuid();

        var delays = Enumerable.Range(0, 9).Select(_ => backoff.NextDelay(vmId).TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], delays);
    }

    [Fact]
    public void NextDelay_AfterForget_StartsOverAndOtherVmsAreUnaffected()
    {
        var backoff = Backoff.Default();
        var (failing, other) = (Guid.NewGuid(), Guid.NewGuid());
        backoff.NextDelay(failing);
        backoff.NextDelay(failing);

        backoff.Forget(failing);

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.NextDelay(failing));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.NextDelay(other));
    }
}
