using ControlPlane.Application.Common;
using ControlPlane.Application.Views;
using MediatR;

namespace ControlPlane.Application.Vms;

public static class GetVm
{
    public sealed record Query(Guid Id) : IRequest<VmView>;

    internal sealed class Handler(ResourceViews views) : IRequestHandler<Query, VmView>
    {
        public async Task<VmView> Handle(Query query, CancellationToken cancellationToken) =>
            await views.VmAsync(query.Id, cancellationToken) ?? throw new NotFound("VM", query.Id);
    }
}
