using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ControlPlane.Application.Observability;

/// <summary>A Prometheus histogram of seconds with labels (cumulative buckets, sum and count).</summary>
public sealed class HistogramFamily(string name, string help, double[] buckets, params string[] labelNames)
{
    private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);

    public void Observe(double seconds, params string[] labelValues)
    {
        var series = _series.GetOrAdd(Labels.Format(labelNames, labelValues), _ => new Series(buckets.Length));
        lock (series)
        {
            for (var i = 0; i < buckets.Length; i++)
            {
                if (seconds <= buckets[i])
                {
                    series.Counts[i]++;
                }
            }
            series.Count++;
            series.Sum += seconds;
        }
    }

    public void WriteTo(StringBuilder text)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} histogram\n");
        foreach (var (labels, series) in _series.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            lock (series)
            {
                var inner = labels.Length == 0 ? "" : labels[1..^1] + ",";
                for (var i = 0; i < buckets.Length; i++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{inner}le=\"{buckets[i]}\"}} {series.Counts[i]}\n");
                }
                text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{inner}le=\"+Inf\"}} {series.Count}\n");
                text.Append(CultureInfo.InvariantCulture, $"{name}_sum{labels} {series.Sum}\n{name}_count{labels} {series.Count}\n");
            }
        }
    }

    private sealed class Series(int buckets)
    {
        public long[] Counts { get; } = new long[buckets];
        public long Count { get; set; }
        public double Sum { get; set; }
    }
}
