namespace ControlPlane.Bench;

/// <summary>One line of the report's table: what was measured, on what, ours against the baseline, and the goal.</summary>
internal sealed record ReportRow(string Metric, string Instances, string Ours, string Baseline, string Goal);
