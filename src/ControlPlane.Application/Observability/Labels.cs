namespace ControlPlane.Application.Observability;

internal static class Labels
{
    /// <summary>{a="x",b="y"} with Prometheus escaping; empty when there are no labels.</summary>
    public static string Format(string[] names, string[] values) =>
        names.Length == 0
            ? ""
            : "{" + string.Join(',', names.Select((n, i) => $"{n}=\"{Escape(i < values.Length ? values[i] : "")}\"")) + "}";

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
