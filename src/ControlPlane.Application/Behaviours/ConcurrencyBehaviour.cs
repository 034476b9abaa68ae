using ControlPlane.Application.Common;
using ControlPlane.Domain.Hosts;
using ControlPlane.Persistence;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Behaviours;

/// <summary>
/// Turns lost optimistic-concurrency races into 412 (the caller sent If-Match) or 409, and unique-key
/// collisions into 409. A race lost only on hosts' bookkeeping (the generation every write to one of its
/// VMs bumps) is not the client's conflict: the command runs again on fresh state, a bounded number of times.
/// </summary>
internal sealed class ConcurrencyBehaviour<TRequest, TResponse>(ControlPlaneDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    private const int SqliteConstraint = 19;
    private const int MaxAttempts = 16;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next();
            }
            catch (DbUpdateConcurrencyException ex) when (attempt < MaxAttempts && ex.Entries.All(e => e.Entity is Host))
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException) when (request is IConditionalRequest { ExpectedVersion: not null })
            {
                throw new PreconditionFailed("The resource changed after the version named in If-Match; read it again and retry.");
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new Conflict("The resource was changed by another request meanwhile; read it again and retry.");
            }
            catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint })
            {
                throw new Conflict("The request collides with an existing resource (a name or address already in use).");
            }
        }
    }
}
