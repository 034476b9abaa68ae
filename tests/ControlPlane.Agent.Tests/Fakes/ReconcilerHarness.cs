using ControlPlane.Agent.Configuration;
using ControlPlane.Agent.Reconciliation;
using ControlPlane.Agent.Reporting;
using ControlPlane.Agent.State;
using ControlPlane.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace ControlPlane.Agent.Tests.Fakes;

/// <summary>The reconciler and its loop wired to a <see cref="FakeHypervisor"/>, a fake clock and a temp data folder.</summary>
internal sealed class ReconcilerHarness : IAsyncDisposable
{
    private readonly TempDir _dataDir = new();
    private VmReconcileLoop? _loop;

    public ReconcilerHarness(int gracefulShutdownTimeoutSeconds = 30, int resyncIntervalSeconds = 3600)
    {
        Options = new AgentOptions
        {
            ControlPlaneUrl = "http://127.0.0.1:1",
            DataDir = _dataDir.Path,
            GracefulShutdownTimeoutSeconds = gracefulShutdownTimeoutSeconds,
            ResyncIntervalSeconds = resyncIntervalSeconds,
        };
        Store = new DesiredStateStore(_dataDir.Path);
        Counters = new AppliedCountersStore(_dataDir.Path);
        Powerdowns = new PowerdownTracker(Time, Options.GracefulShutdownTimeout);
        Queue = new WorkQueue(Time);
        HostNetwork = new HostNetworkSync(Store, Network);
        Reconciler = new VmReconciler(
            Hypervisor, Network, Store, Counters, Powerdowns, Errors,
            HostNetwork, new ReportTrigger(), NullLogger<VmReconciler>.Instance);
    }

    public Guid HostId { get; } = Guid.NewGuid();
    public FakeTimeProvider Time { get; } = new();
    public FakeHypervisor Hypervisor { get; } = new();
    public FakeNetworkDriver Network { get; } = new();
    public HostNetworkSync HostNetwork { get; }
    public AgentOptions Options { get; }
    public DesiredStateStore Store { get; }
    public AppliedCountersStore Counters { get; }
    public PowerdownTracker Powerdowns { get; }
    public VmErrors Errors { get; } = new();
    public WorkQueue Queue { get; }
    public ResyncTrigger Resync { get; } = new();
    public VmReconciler Reconciler { get; }

    /// <summary>Stores a push and, once the loop runs, wakes it as the endpoint would (its first resync covers earlier pushes).</summary>
    public async Task<DesiredStateOffer> PushAsync(long generation, params DesiredVm[] vms)
    {
        var offer = await Store.OfferAsync(Vms.State(HostId, generation, vms), CancellationToken.None);
        if (_loop is not null)
        {
            Resync.Request();
        }
        return offer;
    }

    public Task<ReconcileResult> ReconcileAsync(Guid vmId) => Reconciler.ReconcileAsync(vmId, CancellationToken.None);

    /// <summary>Starts the reconcile loop, as the host would.</summary>
    public async Task StartLoopAsync()
    {
        _loop = new VmReconcileLoop(
            Hypervisor, Store, Reconciler, Queue, Backoff.Default(), HostNetwork,
            Resync, Time, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<VmReconcileLoop>.Instance);
        await _loop.StartAsync(CancellationToken.None);
    }

    /// <summary>Advances the fake clock one second at a time until the condition holds.</summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan limit, string what)
    {
        for (var waited = TimeSpan.Zero; !condition(); waited += TimeSpan.FromSeconds(1))
        {
            if (waited > limit)
            {
                Assert.Fail($"Still not {what} after {limit} of fake time.");
            }
            await WaitUntilIdleAsync();
            if (!condition())
            {
                Time.Advance(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>Waits (in real time) until the loop has nothing queued right now.</summary>
    public Task WaitUntilIdleAsync() => Eventually.HoldsAsync(() => Queue.IsIdle, "the work queue is idle");

    public async ValueTask DisposeAsync()
    {
        if (_loop is not null)
        {
            await _loop.StopAsync(CancellationToken.None);
            _loop.Dispose();
        }
        Queue.Dispose();
        Store.Dispose();
        HostNetwork.Dispose();
        Counters.Dispose();
        _dataDir.Dispose();
    }
}
