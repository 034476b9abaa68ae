using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Common;

internal static class PagingExtensions
{
    /// <summary>Counts the filtered query, reads one page of the ordered one, and maps it to responses.</summary>
    public static async Task<Page<TResponse>> ToPageAsync<TEntity, TResponse>(
        this IQueryable<TEntity> filtered, Func<IQueryable<TEntity>, IOrderedQueryable<TEntity>> order, PageRequest paging,
        Func<TEntity, TResponse> map, CancellationToken ct)
    {
        var total = await filtered.CountAsync(ct);
        var page = await order(filtered).Skip(paging.Page * paging.Limit).Take(paging.Limit).ToListAsync(ct);
        return new Page<TResponse>([.. page.Select(map)], new PageMetadata(total, paging.Page, paging.Limit));
    }
}
