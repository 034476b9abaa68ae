namespace ControlPlane.LoadBench;

/// <summary>What one request class did over the measured window.</summary>
internal sealed record ClassResult(string Name, bool Mutating, long Requests, long Errors, double PerSecond, double P50Ms, double P99Ms, double MaxMs,
    IReadOnlyDictionary<string, int> ErrorKinds)
{
    public static ClassResult From(string name, List<double> millis, Dictionary<string, int>? errors, double seconds)
    {
        millis.Sort();
        double At(double q) => millis.Count == 0 ? 0 : millis[Math.Min(millis.Count - 1, (int)Math.Ceiling(q * millis.Count) - 1)];
        var errorCount = errors?.Values.Sum() ?? 0;
        return new ClassResult(name, name.StartsWith("write", StringComparison.Ordinal), millis.Count + errorCount, errorCount,
            millis.Count / seconds, At(0.50), At(0.99), millis.Count == 0 ? 0 : millis[^1], errors ?? []);
    }
}
