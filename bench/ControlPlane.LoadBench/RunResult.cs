namespace ControlPlane.LoadBench;

/// <summary>A whole run: the workload, its shape and each request class.</summary>
internal sealed record RunResult(string Workload, int Clients, double Seconds, IReadOnlyList<ClassResult> Classes, double MutatingP99Ms)
{
    public long Requests => Classes.Sum(c => c.Requests);
    public long Errors => Classes.Sum(c => c.Errors);
    public double ReadsPerSecond => Classes.Where(c => !c.Mutating).Sum(c => c.PerSecond);
    public double WritesPerSecond => Classes.Where(c => c.Mutating).Sum(c => c.PerSecond);
}
