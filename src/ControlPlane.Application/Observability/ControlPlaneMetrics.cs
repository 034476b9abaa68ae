namespace ControlPlane.Application.Observability;

/// <summary>The control plane's own counters and histograms, exposed at /metrics in Prometheus text format.</summary>
public sealed class ControlPlaneMetrics
{
    private static readonly double[] LatencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public HistogramFamily RequestDuration { get; } = new("controlplane_http_request_duration_seconds",
        "HTTP request latency by route pattern, method and status class.", LatencyBuckets, "method", "route", "status");

    public CounterFamily AgentReports { get; } = new("controlplane_agent_reports_total", "Status reports (heartbeats) received from agents.");

    public CounterFamily Placements { get; } = new("controlplane_scheduler_placements_total",
        "Placement decisions by outcome: placed, unplaceable, or replanned after a concurrent claim.", "outcome");

    public CounterFamily DesiredStatePushes { get; } = new("controlplane_desired_state_pushes_total", "Pushes of desired state to agents by outcome.", "outcome");

    public CounterFamily WebhookDeliveries { get; } = new("controlplane_webhook_deliveries_total", "Webhook delivery attempts by outcome.", "outcome");

    public CounterFamily TasksFinished { get; } = new("controlplane_tasks_finished_total", "Tasks that finished, by operation and status.", "operation", "status");

    public void WriteTo(System.Text.StringBuilder text)
    {
        RequestDuration.WriteTo(text);
        AgentReports.WriteTo(text);
        Placements.WriteTo(text);
        DesiredStatePushes.WriteTo(text);
        WebhookDeliveries.WriteTo(text);
        TasksFinished.WriteTo(text);
    }
}
