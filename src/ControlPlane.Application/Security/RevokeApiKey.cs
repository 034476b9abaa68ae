using ControlPlane.Application.Common;
using ControlPlane.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Security;

public static class RevokeApiKey
{
    public sealed record Command(Guid Id) : IRequest<Unit>;

    internal sealed class Handler(ControlPlaneDbContext db, TimeProvider clock, ApiKeyCache cache) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == command.Id, cancellationToken)
                ?? throw new NotFound("API key", command.Id);
            key.Revoke(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            cache.Clear();
            return Unit.Value;
        }
    }
}
