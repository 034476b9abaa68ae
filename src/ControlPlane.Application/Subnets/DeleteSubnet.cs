using ControlPlane.Application.Common;
using ControlPlane.Application.Events;
using ControlPlane.Domain.Common;
using ControlPlane.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Subnets;

public static class DeleteSubnet
{
    public sealed record Command(Guid Id, long? ExpectedVersion = null) : IRequest<Unit>, IConditionalRequest;

    internal sealed class Handler(ControlPlaneDbContext db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var id = new SubnetId(command.Id);
            var subnet = await db.Subnets.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
                ?? throw new NotFound("Subnet", command.Id);
            db.ExpectVersion(subnet, command.ExpectedVersion);
            if (await db.Vms.AnyAsync(v => v.Nics.Any(n => n.SubnetId == id), cancellationToken))
            {
                throw new Conflict("VM NICs are still attached to the subnet.");
            }
            db.Subnets.Remove(subnet);
            db.Record("subnet.deleted", "subnet", subnet.Id.Value, new { subnet.Name }, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
