using ControlPlane.Agent.Configuration;
using ControlPlane.Agent.Logging;
using ControlPlane.Agent.State;
using Microsoft.Extensions.Options;

namespace ControlPlane.Agent.Reporting;

/// <summary>
/// Registers the host if it has no identity yet, then reports its status every
/// <see cref="AgentOptions.ReportIntervalSeconds"/>, and shortly after any VM changes (changes within the
/// debounce window go out together). A failed report is retried at the next tick; a refused host token
/// means the control plane forgot this host, which then registers again.
/// </summary>
internal sealed class StatusReporter(
    IdentityStore identities,
    HostRegistrar registrar,
    StatusReportBuilder builder,
    ControlPlaneClient client,
    ReportTrigger trigger,
    TimeProvider time,
    IOptions<AgentOptions> options,
    ILogger<StatusReporter> logger) : BackgroundService
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var identity = identities.Current ?? await registrar.RegisterAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                identity = await ReportOnceAsync(identity, stoppingToken);
                await WaitForNextAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
    }

    private async Task<AgentIdentity> ReportOnceAsync(AgentIdentity identity, CancellationToken ct)
    {
        try
        {
            var report = await builder.BuildAsync(identity, ct);
            if (await client.ReportStatusAsync(identity, report, ct) == ReportDelivery.HostUnknown)
            {
                logger.HostForgotten(identity.HostId);
                return await registrar.RegisterAsync(ct);
            }
            logger.Reported(identity.HostId, report.ObservedGeneration, report.Vms.Count);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.ReportFailed(identity.HostId, e.Message);
        }
        return identity;
    }

    private async Task WaitForNextAsync(CancellationToken ct)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tick = Task.Delay(options.Value.ReportInterval, time, wake.Token);
        var nudged = trigger.WaitAsync(wake.Token);
        var first = await Task.WhenAny(tick, nudged);
        await wake.CancelAsync();
        if (first == nudged && nudged.IsCompletedSuccessfully)
        {
            await Task.Delay(Debounce, time, ct);
        }
    }
}
