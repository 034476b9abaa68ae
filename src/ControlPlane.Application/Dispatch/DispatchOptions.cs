namespace ControlPlane.Application.Dispatch;

public sealed class DispatchOptions
{
    /// <summary>How often the dispatcher looks for hosts to push to when nothing wakes it.</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>Re-push a delivered generation the agent still does not report after this long.</summary>
    public double ResyncSeconds { get; set; } = 15;

    /// <summary>
    /// At most one push per host in this interval: changes made meanwhile are coalesced into the next push, so a
    /// burst of creates costs the agent a few whole-state pushes rather than one per create.
    /// </summary>
    public double MinPushIntervalSeconds { get; set; } = 0.2;

    /// <summary>
    /// Added to the minimum interval for every VM the host's last push carried. A push is the host's whole desired
    /// state, and the agent answers with its whole status, so their cost grows with the VMs on the host; spacing
    /// pushes by size keeps a busy host's push traffic bounded (1,000 VMs: at most one push every 1.2 s).
    /// </summary>
    public double PushIntervalPerVmMilliseconds { get; set; } = 1;

    /// <summary>How long after a push to a host the next may follow, when that push carried <paramref name="vms"/> VMs.</summary>
    public TimeSpan PushIntervalAfter(int vms) => TimeSpan.FromSeconds(MinPushIntervalSeconds + (PushIntervalPerVmMilliseconds / 1000 * vms));

    /// <summary>Cap of the per-host exponential back-off after failed pushes.</summary>
    public double MaxBackoffSeconds { get; set; } = 30;
}
