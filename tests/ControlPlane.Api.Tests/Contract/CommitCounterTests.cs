using ControlPlane.Api.Tests.Infrastructure;
using ControlPlane.Domain.Audit;
using ControlPlane.Persistence;
using ControlPlane.Persistence.ChangeFeed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Api.Tests.Contract;

/// <summary>Commits that may change what the views show are counted; commits of audits, tasks and events alone are not.</summary>
public sealed class CommitCounterTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly ServiceProvider _services;
    private readonly CommitCounter _commits;

    public CommitCounterTests()
    {
        _services = _database.Services;
        _commits = _services.GetRequiredService<CommitCounter>();
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task WritesToWatchedTables_AreCounted_InATransactionOnlyWhenItCommits()
    {
        await _database.MigrateAsync();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
        var before = _commits.Commits;

        await db.Database.ExecuteSqlRawAsync("UPDATE Vms SET Name = Name WHERE 0");
        Assert.Equal(before + 1, _commits.Commits);

        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE Hosts SET Name = Name WHERE 0");
            await rolledBack.RollbackAsync();
        }
        Assert.Equal(before + 1, _commits.Commits);

        await using (var committed = await db.Database.BeginTransactionAsync())
        {
            db.Audits.Add(Audit("beside-a-nic-update"));
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("update vmnics set MacAddress = MacAddress where 0");
            Assert.Equal(before + 1, _commits.Commits);
            await committed.CommitAsync();
        }
        Assert.Equal(before + 2, _commits.Commits);
    }

    [Fact]
    public async Task WritesToOtherTablesOnly_AreNotCounted()
    {
        await _database.MigrateAsync();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
        var before = _commits.Commits;

        db.Audits.Add(Audit("alone"));
        await db.SaveChangesAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Audits.Add(Audit("in-a-transaction"));
            db.Audits.Add(Audit("and-another"));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        await db.Audits.Where(a => a.RequestId == "alone").ExecuteDeleteAsync();

        Assert.Equal(before, _commits.Commits);
    }

    [Fact]
    public async Task TheWatchedTables_AreExactlyTheTablesWhoseTriggersFeedTheChangeFeed()
    {
        await _database.MigrateAsync();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
        var fed = await db.Database.SqlQueryRaw<string>(
            "SELECT DISTINCT tbl_name AS Value FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%INSERT INTO ResourceChanges%'").ToListAsync();

        Assert.Equal(ResourceChange.WatchedTables.Order(), fed.Order());
    }

    private static AuditEntry Audit(string requestId) => new(DateTimeOffset.UtcNow, "test", "POST", "/x", null, 201, requestId, null);
}
