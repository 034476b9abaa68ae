using System.Text.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.Api.Tests.Reliability;

/// <summary>One field (or array element) of a JSON template, addressed by a path such as <c>nics[0].vlanId</c>.</summary>
internal sealed record JsonField(string Path, IReadOnlyList<object> Segments, JsonValueKind Kind, bool IsInteger)
{
    /// <summary>Every field and element below the root, depth first.</summary>
    public static IReadOnlyList<JsonField> All(JsonNode root)
    {
        var fields = new List<JsonField>();
        Walk(root, "", [], fields);
        return fields;
    }

    /// <summary>The node that holds this field in <paramref name="root"/> (a fresh copy of the template).</summary>
    public JsonNode Parent(JsonNode root)
    {
        var node = root;
        foreach (var segment in Segments.SkipLast(1))
        {
            node = segment is int index ? node[index]! : node[(string)segment]!;
        }
        return node;
    }

    public void Replace(JsonNode root, JsonNode? value)
    {
        var parent = Parent(root);
        if (Segments[^1] is int index)
        {
            parent.AsArray()[index] = value;
        }
        else
        {
            parent.AsObject()[(string)Segments[^1]] = value;
        }
    }

    public void Remove(JsonNode root)
    {
        var parent = Parent(root);
        if (Segments[^1] is int index)
        {
            parent.AsArray().RemoveAt(index);
        }
        else
        {
            parent.AsObject().Remove((string)Segments[^1]);
        }
    }

    private static void Walk(JsonNode node, string path, List<object> segments, List<JsonField> fields)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    Visit(child, path.Length == 0 ? name : $"{path}.{name}", [.. segments, name], fields);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Visit(array[i], $"{path}[{i}]", [.. segments, i], fields);
                }
                break;
        }
    }

    private static void Visit(JsonNode? child, string path, List<object> segments, List<JsonField> fields)
    {
        var kind = child?.GetValueKind() ?? JsonValueKind.Null;
        var isInteger = kind == JsonValueKind.Number && !child!.ToJsonString().Contains('.', StringComparison.Ordinal);
        fields.Add(new JsonField(path, segments, kind, isInteger));
        if (child is not null)
        {
            Walk(child, path, segments, fields);
        }
    }
}
