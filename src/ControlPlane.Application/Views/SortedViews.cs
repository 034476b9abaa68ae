using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace ControlPlane.Application.Views;

/// <summary>
/// Views by id and in the API's default list order: by name, ties by id (as SQLite orders those columns;
/// names are ASCII, and Guid comparison matches their upper-case text). One writer at a time (the caller
/// holds the catch-up gate); readers take the immutable ordered set as it stands, so a page is never torn
/// by a concurrent update.
/// </summary>
internal sealed class SortedViews<TView>(Func<TView, Guid> idOf, Func<TView, string> nameOf) where TView : class
{
    private readonly ConcurrentDictionary<Guid, TView> _byId = new();
    private ImmutableSortedSet<TView> _ordered = ImmutableSortedSet.Create<TView>(Comparer<TView>.Create((a, b) =>
    {
        var byName = string.CompareOrdinal(nameOf(a), nameOf(b));
        return byName != 0 ? byName : idOf(a).CompareTo(idOf(b));
    }));

    public TView? Find(Guid id) => _byId.GetValueOrDefault(id);

    public IEnumerable<TView> All => _byId.Values;

    /// <summary>Items <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> in order, and how many there are.</summary>
    public (IReadOnlyList<TView> Items, int Total) Page(int skip, int take)
    {
        var ordered = Volatile.Read(ref _ordered);
        var end = (int)Math.Min((long)skip + take, ordered.Count);
        var items = new List<TView>(Math.Max(0, end - skip));
        for (var i = skip; i < end; i++)
        {
            items.Add(ordered[i]);
        }
        return (items, ordered.Count);
    }

    public void Put(TView view)
    {
        var ordered = _ordered;
        if (_byId.TryGetValue(idOf(view), out var old))
        {
            ordered = ordered.Remove(old);
        }
        _byId[idOf(view)] = view;
        Volatile.Write(ref _ordered, ordered.Add(view));
    }

    public TView? Remove(Guid id)
    {
        if (!_byId.TryRemove(id, out var old))
        {
            return null;
        }
        Volatile.Write(ref _ordered, _ordered.Remove(old));
        return old;
    }

    public void Clear()
    {
        _byId.Clear();
        Volatile.Write(ref _ordered, _ordered.Clear());
    }
}
