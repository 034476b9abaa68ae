namespace ControlPlane.LoadBench;

/// <summary>One worker's latencies and errors per request class; merged after the run (no locks on the hot path).</summary>
internal sealed class LatencyRecorder
{
    public Dictionary<string, List<double>> Millis { get; } = [];
    public Dictionary<string, Dictionary<string, int>> Errors { get; } = [];

    public void Record(string requestClass, double millis)
    {
        if (!Millis.TryGetValue(requestClass, out var list))
        {
            Millis[requestClass] = list = new List<double>(1 << 14);
        }
        list.Add(millis);
    }

    public void Error(string requestClass, string what)
    {
        if (!Errors.TryGetValue(requestClass, out var byWhat))
        {
            Errors[requestClass] = byWhat = [];
        }
        byWhat[what] = byWhat.GetValueOrDefault(what) + 1;
    }
}
