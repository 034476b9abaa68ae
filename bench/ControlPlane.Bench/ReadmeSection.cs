namespace ControlPlane.Bench;

/// <summary>
/// bench/README.md holds one section per benchmark between <c>&lt;!-- name:begin --&gt;</c> and
/// <c>&lt;!-- name:end --&gt;</c>; each benchmark rewrites only its own.
/// </summary>
internal static class ReadmeSection
{
    public static void Replace(string path, string name, IReadOnlyList<string> lines)
    {
        var (begin, end) = ($"<!-- {name}:begin -->", $"<!-- {name}:end -->");
        var existing = File.Exists(path) ? File.ReadAllLines(path).ToList() : ["# Benchmarks", ""];
        var from = existing.IndexOf(begin);
        var to = existing.IndexOf(end);
        List<string> section = [begin, .. lines, end];
        if (from >= 0 && to > from)
        {
            existing.RemoveRange(from, to - from + 1);
            existing.InsertRange(from, section);
        }
        else
        {
            existing.AddRange(["", .. section]);
        }
        File.WriteAllLines(path, existing);
    }
}
