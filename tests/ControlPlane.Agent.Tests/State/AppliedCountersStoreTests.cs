using ControlPlane.Agent.State;
using ControlPlane.Agent.Tests.Fakes;

namespace ControlPlane.Agent.Tests.State;

public sealed class AppliedCountersStoreTests
{
    [Fact]
    public async Task Load_AfterSetAndForget_KeepsOnlyRemainingVms()
    {
        using var dir = new TempDir();
        var (kept, forgotten) = (Guid.NewGuid(), Guid.NewGuid());
        using (var store = new AppliedCountersStore(dir.Path))
        {
            await store.SetAsync(kept, new AppliedCounters(2, 1), CancellationToken.None);
            await store.SetAsync(forgotten, new AppliedCounters(1, 1), CancellationToken.None);
            await store.ForgetAsync(forgotten, CancellationToken.None);
        }

        using var reloaded = new AppliedCountersStore(dir.Path);
        await reloaded.LoadAsync(CancellationToken.None);

        Assert.Equal(new AppliedCounters(2, 1), reloaded.Get(kept));
        Assert.Null(reloaded.Get(forgotten));
    }
}
