namespace ControlPlane.Bench;

internal static class ReportCommand
{
    public static int Run(string? instancesDir, bool quick)
    {
        _ = quick;
        var results = SolveCommand.Run(instancesDir ?? "/work/shared/bench/instances", Path.Combine(Path.GetTempPath(), "cp-answers"));
        return results.All(r => r.Problems.Count == 0) ? 0 : 1;
    }
}
