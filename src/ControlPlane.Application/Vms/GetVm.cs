using ControlPlane.Application.Common;
using ControlPlane.Domain.Common;
using ControlPlane.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Vms;

public static class GetVm
{
    public sealed record Query(Guid Id) : IRequest<VmResponse>;

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, VmResponse>
    {
        public async Task<VmResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var vm = await db.Vms.AsNoTracking().SingleOrDefaultAsync(v => v.Id == new VmId(query.Id), cancellationToken)
                ?? throw new NotFound("VM", query.Id);
            return VmResponse.From(vm);
        }
    }
}
