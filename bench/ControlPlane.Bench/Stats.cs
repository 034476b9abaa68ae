namespace ControlPlane.Bench;

/// <summary>Percentiles and ratio aggregates for the report.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static string Ratio(IEnumerable<double> ratios)
    {
        var list = ratios.Where(r => !double.IsNaN(r)).ToList();
        return list.Count == 0 ? "n/a" : $"mean {list.Average():0.000}, max {list.Max():0.000}";
    }
}
