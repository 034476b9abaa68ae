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

    /// <summary>Cap of the per-host exponential back-off after failed pushes.</summary>
    public double MaxBackoffSeconds { get; set; } = 30;
}
