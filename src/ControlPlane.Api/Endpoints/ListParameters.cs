using ControlPlane.Application.Common;

namespace ControlPlane.Api.Endpoints;

internal static class ListParameters
{
    public static PageRequest Paging(int? page, int? limit) => new(page ?? 0, limit ?? PageRequest.DefaultLimit);
}
