using ControlPlane.Application.Common;
using ControlPlane.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Webhooks;

public static class DeleteWebhook
{
    public sealed record Command(Guid Id) : IRequest<Unit>;

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var webhook = await db.Webhooks.SingleOrDefaultAsync(w => w.Id == command.Id, cancellationToken)
                ?? throw new NotFound("Webhook", command.Id);
            db.Webhooks.Remove(webhook);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
