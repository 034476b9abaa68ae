using ControlPlane.Application.Common;
using ControlPlane.Application.Views;
using MediatR;

namespace ControlPlane.Application.Hosts;

public static class GetHost
{
    public sealed record Query(Guid Id) : IRequest<HostView>;

    internal sealed class Handler(ResourceViews views) : IRequestHandler<Query, HostView>
    {
        public async Task<HostView> Handle(Query query, CancellationToken cancellationToken) =>
            await views.HostAsync(query.Id, cancellationToken) ?? throw new NotFound("Host", query.Id);
    }
}
