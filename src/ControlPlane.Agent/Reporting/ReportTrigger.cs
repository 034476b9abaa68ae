using ControlPlane.Agent.Reconciliation;

namespace ControlPlane.Agent.Reporting;

/// <summary>Asks the status reporter to report soon (a VM's state or error changed).</summary>
internal sealed class ReportTrigger : Pulse;
