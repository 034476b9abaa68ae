using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ControlPlane.Application.Idempotency;

/// <summary>Forgets idempotency keys after 24 hours, every few minutes.</summary>
internal sealed class IdempotencyJanitor(IServiceScopeFactory scopes, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), clock);
        do
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().PurgeExpiredAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
