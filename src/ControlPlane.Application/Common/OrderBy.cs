using System.Linq.Expressions;

namespace ControlPlane.Application.Common;

/// <summary>
/// Parses <c>?orderby=field [asc|desc]</c> against the fields a list allows, so a typo is a 400 naming
/// the parameter rather than an ignored sort.
/// </summary>
public static class OrderBy
{
    public static IOrderedQueryable<T> Apply<T>(IQueryable<T> source, string? orderBy, string defaultField,
        IReadOnlyDictionary<string, Expression<Func<T, object>>> fields)
    {
        var (field, descending) = Parse(orderBy ?? defaultField, fields.Keys);
        var key = fields[field];
        return descending ? source.OrderByDescending(key) : source.OrderBy(key);
    }

    /// <summary>Whether a valid <paramref name="orderBy"/> (or none) is the list's default: <paramref name="defaultField"/> ascending.</summary>
    public static bool IsDefault<T>(string? orderBy, string defaultField, IReadOnlyDictionary<string, Expression<Func<T, object>>> fields) =>
        orderBy is null || Parse(orderBy, fields.Keys) is (var field, false) && field == defaultField;

    public static bool IsValid(string? orderBy, IEnumerable<string> fields)
    {
        if (orderBy is null)
        {
            return true;
        }
        try
        {
            Parse(orderBy, fields);
            return true;
        }
        catch (ValidationFailed)
        {
            return false;
        }
    }

    private static (string Field, bool Descending) Parse(string orderBy, IEnumerable<string> allowed)
    {
        var parts = orderBy.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var field = parts.Length > 0 ? allowed.FirstOrDefault(a => string.Equals(a, parts[0], StringComparison.OrdinalIgnoreCase)) : null;
        if (field is null || parts.Length > 2 || (parts.Length == 2 && parts[1].ToLowerInvariant() is not ("asc" or "desc")))
        {
            throw ValidationFailed.For("orderby", $"Use one of {string.Join(", ", allowed)}, optionally followed by asc or desc.");
        }
        return (field, parts.Length == 2 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase));
    }
}
