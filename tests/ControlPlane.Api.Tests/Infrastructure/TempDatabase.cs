using ControlPlane.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Api.Tests.Infrastructure;

/// <summary>A database file of a test's own with the persistence services over it, no API; deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"cp-persistence-{Guid.NewGuid():N}.db");

    public TempDatabase() => Services = new ServiceCollection().AddPersistence(_ => $"Data Source={_file}").BuildServiceProvider();

    public ServiceProvider Services { get; }

    public async Task MigrateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>().Database.MigrateAsync();
    }

    public void Dispose()
    {
        Services.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
