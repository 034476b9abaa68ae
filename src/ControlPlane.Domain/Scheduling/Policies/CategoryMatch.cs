namespace ControlPlane.Domain.Scheduling.Policies;

/// <summary>A VM or host matches a selector when it carries ALL of the selector's key=value pairs.</summary>
public static class CategoryMatch
{
    public static bool Matches(IReadOnlyList<Category> selector, IReadOnlyDictionary<string, string>? categories)
    {
        if (selector.Count == 0)
        {
            return false;
        }
        if (categories is null)
        {
            return false;
        }
        foreach (var c in selector)
        {
            if (!categories.TryGetValue(c.Key, out var value) || !string.Equals(value, c.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when some VM could match both selectors: no key asks for two different values.</summary>
    public static bool CanOverlap(IReadOnlyList<Category> a, IReadOnlyList<Category> b) =>
        !a.Any(x => b.Any(y => x.Key == y.Key && x.Value != y.Value));
}
