using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ControlPlane.Application.Observability;

/// <summary>A Prometheus counter with labels, e.g. controlplane_agent_reports_total.</summary>
public sealed class CounterFamily(string name, string help, params string[] labelNames)
{
    private readonly ConcurrentDictionary<string, long> _values = new(StringComparer.Ordinal);

    public void Increment(params string[] labelValues) =>
        _values.AddOrUpdate(Labels.Format(labelNames, labelValues), 1, (_, v) => v + 1);

    public long Value(params string[] labelValues) => _values.GetValueOrDefault(Labels.Format(labelNames, labelValues));

    public void WriteTo(StringBuilder text)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n");
        foreach (var (labels, value) in _values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}{labels} {value}\n");
        }
    }
}
