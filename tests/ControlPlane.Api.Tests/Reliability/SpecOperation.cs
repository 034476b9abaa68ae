using System.Text.Json;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Reliability;

/// <summary>One operation of the committed contract, <c>api-spec/controlplane.v1.json</c>.</summary>
internal sealed record SpecOperation(
    string OperationId, HttpMethod Method, string PathTemplate, IReadOnlyList<int> ErrorStatuses,
    IReadOnlyList<string> QueryParameters, bool HasBody)
{
    public bool HasId => PathTemplate.Contains("{id}", StringComparison.Ordinal);

    public override string ToString() => $"{OperationId} ({Method} {PathTemplate})";

    /// <summary>Every operation in the committed spec, in the order it lists them.</summary>
    public static IReadOnlyList<SpecOperation> LoadAll()
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "api-spec", "controlplane.v1.json")));
        var operations = new List<SpecOperation>();
        foreach (var path in spec.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "put" or "post" or "delete" or "patch"))
            {
                var body = operation.Value;
                var errors = body.GetProperty("responses").EnumerateObject()
                    .Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).Where(s => s >= 400).Order().ToList();
                var query = body.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
                    : [];
                operations.Add(new SpecOperation(
                    body.GetProperty("operationId").GetString()!, new HttpMethod(operation.Name.ToUpperInvariant()), path.Name,
                    errors, query, body.TryGetProperty("requestBody", out _)));
            }
        }
        return operations;
    }

    /// <summary>The media types the spec documents for one error answer of this operation.</summary>
    public static IReadOnlyList<string> ErrorMediaTypes(string operationId, int status)
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "api-spec", "controlplane.v1.json")));
        foreach (var path in spec.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("operationId", out var id) && id.GetString() == operationId)
                {
                    var answer = operation.Value.GetProperty("responses").GetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    return answer.TryGetProperty("content", out var content) ? [.. content.EnumerateObject().Select(c => c.Name)] : [];
                }
            }
        }
        throw new InvalidOperationException($"{operationId} is not in the spec.");
    }
}
