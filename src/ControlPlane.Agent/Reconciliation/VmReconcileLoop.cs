using ControlPlane.Agent.Configuration;
using ControlPlane.Agent.Hypervisor;
using ControlPlane.Agent.Logging;
using ControlPlane.Agent.State;
using Microsoft.Extensions.Options;

namespace ControlPlane.Agent.Reconciliation;

/// <summary>
/// Runs reconciliation: adopts the guests of a previous run first, then lets a few workers drain the work
/// queue while three kinds of trigger feed it VM ids: a resync (at start, on each new desired state and
/// every <see cref="AgentOptions.ResyncIntervalSeconds"/>), hypervisor events, and the requeues and
/// backoffs that reconcile results ask for. On shutdown, workers finish the reconcile in hand and stop.
/// </summary>
internal sealed class VmReconcileLoop(
    IHypervisor hypervisor,
    DesiredStateStore store,
    VmReconciler reconciler,
    WorkQueue queue,
    Backoff backoff,
    HostNetworkSync hostNetwork,
    ResyncTrigger resyncTrigger,
    TimeProvider time,
    IOptions<AgentOptions> options,
    ILogger<VmReconcileLoop> logger) : BackgroundService
{
    private const int Workers = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await hypervisor.AdoptAsync(stoppingToken);
        logger.Adopted((await hypervisor.ListAsync(stoppingToken)).Count);

        var loops = Enumerable.Range(0, Workers).Select(_ => RunWorkerAsync(stoppingToken)).ToList();
        loops.Add(RunResyncAsync(stoppingToken));
        if (hypervisor is IVmEventSource events)
        {
            loops.Add(WatchEventsAsync(events, stoppingToken));
        }
        await Task.WhenAll(loops);
    }

    private async Task RunWorkerAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Guid vmId;
            try
            {
                vmId = await queue.TakeAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                // Work in hand is drained, not abandoned: a reconcile never waits on a guest, so it ends soon.
                var result = await reconciler.ReconcileAsync(vmId, CancellationToken.None);
                Schedule(vmId, result);
            }
            finally
            {
                queue.Done(vmId);
            }
        }
    }

    private void Schedule(Guid vmId, ReconcileResult result)
    {
        switch (result.Outcome)
        {
            case ReconcileOutcome.RequeueAfter:
                backoff.Forget(vmId);
                queue.AddAfter(vmId, result.Delay);
                break;
            case ReconcileOutcome.Transient:
                queue.AddAfter(vmId, backoff.NextDelay(vmId));
                break;
            default:
                backoff.Forget(vmId);
                break;
        }
    }

    private async Task RunResyncAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await EnqueueAllAsync(stoppingToken);
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var timer = Task.Delay(options.Value.ResyncInterval, time, wake.Token);
            await Task.WhenAny(timer, resyncTrigger.WaitAsync(wake.Token));
            await wake.CancelAsync();
        }
    }

    private async Task EnqueueAllAsync(CancellationToken ct)
    {
        try
        {
            await hostNetwork.EnsureCurrentAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.HostNetworkFailed(e, store.Generation);
        }
        foreach (var vm in store.Current?.Vms ?? [])
        {
            queue.Add(vm.Id);
        }
        try
        {
            foreach (var vm in await hypervisor.ListAsync(ct))
            {
                queue.Add(vm.Id);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.ResyncFailed(e);
        }
    }

    private async Task WatchEventsAsync(IVmEventSource events, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var vmId in events.WatchAsync(stoppingToken))
            {
                queue.Add(vmId);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
    }
}
