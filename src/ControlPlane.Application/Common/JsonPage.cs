namespace ControlPlane.Application.Common;

/// <summary>A <see cref="Page{T}"/> whose items are already serialized (UTF-8 JSON objects), as the views hold them.</summary>
public sealed record JsonPage(IReadOnlyList<byte[]> Items, PageMetadata Metadata)
{
    public static JsonPage Of<T>(Page<T> page) => new([.. page.Data.Select(ApiJson.Serialize)], page.Metadata);

    /// <summary>One page of items the views hold, and how many there are in all.</summary>
    public static JsonPage Of(IEnumerable<byte[]> items, int total, PageRequest paging) =>
        new([.. items], new PageMetadata(total, paging.Page, paging.Limit));
}
