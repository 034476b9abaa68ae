namespace ControlPlane.Application.Common;

/// <summary>One page of a list: <c>{data: [...], metadata: {totalAvailableResults, page, limit}}</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, PageMetadata Metadata);

public sealed record PageMetadata(int TotalAvailableResults, int Page, int Limit);

/// <summary>Paging input shared by list queries; limits keep one request from reading the whole table.</summary>
public sealed record PageRequest(int Page = 0, int Limit = PageRequest.DefaultLimit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
}
