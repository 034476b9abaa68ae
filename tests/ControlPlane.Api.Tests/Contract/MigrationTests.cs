using ControlPlane.Api.Tests.Infrastructure;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Api.Tests.Contract;

public sealed class MigrationTests : IClassFixture<ControlPlaneFactory>
{
    private readonly ControlPlaneFactory _factory;

    public MigrationTests(ControlPlaneFactory factory) => _factory = factory;

    [Fact]
    public void Model_HasNoChangesMissingFromTheMigrations()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF model changed without a migration: run scripts/add-migration.sh <Name> and commit the result.");
    }

    [Fact]
    public void Startup_AppliesEveryMigration()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();

        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.NotEmpty(db.Database.GetAppliedMigrations());
        Assert.Equal("wal", db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").AsEnumerable().Single());
    }
}
