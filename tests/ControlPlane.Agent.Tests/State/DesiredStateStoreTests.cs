using ControlPlane.Agent.State;
using ControlPlane.Agent.Tests.Fakes;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Tests.State;

public sealed class DesiredStateStoreTests
{
    private static readonly Guid HostId = Guid.NewGuid();

    [Fact]
    public async Task Load_AfterOffer_RoundTripsTheWholeState()
    {
        using var dir = new TempDir();
        var vm = Vms.Desired(VmPowerState.Paused, nics: 2, disks: 1) with
        {
            ShutdownMode = ShutdownMode.Graceful,
            KernelArgs = "cp.marker=1",
            Nics = [Vms.Nic() with { VlanMode = VlanMode.Trunk, TrunkedVlans = [10, 20], IpAddress = "10.0.0.5/24" }],
        };
        var pushed = Vms.State(HostId, 3, vm) with { Network = new HostNetworkSpec { BondMode = BondMode.BalanceTcp, Mtu = 9000 } };
        using (var store = new DesiredStateStore(dir.Path))
        {
            await store.OfferAsync(pushed, CancellationToken.None);
        }

        using var reloaded = new DesiredStateStore(dir.Path);
        await reloaded.LoadAsync(CancellationToken.None);

        Assert.Equal(3, reloaded.Generation);
        Assert.Equal(pushed.Network, reloaded.Current!.Network);
        var loaded = Assert.Single(reloaded.Current.Vms);
        Assert.Equal(vm with { Nics = [], Disks = [] }, loaded with { Nics = [], Disks = [] });
        Assert.Equal([10, 20], loaded.Nics[0].TrunkedVlans);
        Assert.Equal(vm.Disks.Select(d => d.Id), loaded.Disks.Select(d => d.Id));
    }

    [Fact]
    public async Task Offer_OlderOrEqualGeneration_IsIgnoredAndReportsTheHeldOne()
    {
        using var dir = new TempDir();
        using var store = new DesiredStateStore(dir.Path);
        var newest = Vms.State(HostId, 5, Vms.Desired());
        await store.OfferAsync(newest, CancellationToken.None);

        var older = await store.OfferAsync(Vms.State(HostId, 4), CancellationToken.None);
        var same = await store.OfferAsync(Vms.State(HostId, 5), CancellationToken.None);

        Assert.Equal(new DesiredStateOffer(false, 5), older);
        Assert.Equal(new DesiredStateOffer(false, 5), same);
        Assert.Same(newest, store.Current);
    }

    [Fact]
    public async Task Offer_HigherGeneration_ReplacesAndPersists()
    {
        using var dir = new TempDir();
        using var store = new DesiredStateStore(dir.Path);
        await store.OfferAsync(Vms.State(HostId, 1, Vms.Desired()), CancellationToken.None);

        var offer = await store.OfferAsync(Vms.State(HostId, 2), CancellationToken.None);
        using var reloaded = new DesiredStateStore(dir.Path);
        await reloaded.LoadAsync(CancellationToken.None);

        Assert.Equal(new DesiredStateOffer(true, 2), offer);
        Assert.Equal(2, reloaded.Generation);
        Assert.Empty(reloaded.Current!.Vms);
    }

    [Fact]
    public async Task Offer_StateForANewHostId_ReplacesWhateverItsGeneration()
    {
        using var dir = new TempDir();
        using var store = new DesiredStateStore(dir.Path);
        await store.OfferAsync(Vms.State(HostId, 9), CancellationToken.None);

        var offer = await store.OfferAsync(Vms.State(Guid.NewGuid(), 1), CancellationToken.None);

        Assert.Equal(new DesiredStateOffer(true, 1), offer);
    }

    [Fact]
    public async Task Load_NothingStored_HoldsNoStateAtGenerationZero()
    {
        using var dir = new TempDir();
        using var store = new DesiredStateStore(dir.Path);

        await store.LoadAsync(CancellationToken.None);

        Assert.Null(store.Current);
        Assert.Equal(0, store.Generation);
    }
}
