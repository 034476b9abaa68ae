using ControlPlane.Api.Tests.Infrastructure;
using ControlPlane.Domain.Audit;
using ControlPlane.Persistence;
using ControlPlane.Persistence.ChangeFeed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Api.Tests.Contract;

/// <summary>A read snapshot sees one commit throughout, never holds up a writer, and is not counted as a commit.</summary>
public sealed class ReadSnapshotTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly ServiceProvider _services;

    public ReadSnapshotTests() => _services = _database.Services;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ASnapshot_KeepsItsCommit_WhileAnotherConnectionWrites_AndCountsNoCommit()
    {
        await _database.MigrateAsync();
        var commits = _services.GetRequiredService<CommitCounter>();
        await using var readerScope = _services.CreateAsyncScope();
        var reader = readerScope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();

        var snapshot = await ReadSnapshot.BeginAsync(reader, CancellationToken.None);
        Assert.Equal(0, await reader.Audits.CountAsync());
        await using (var writerScope = _services.CreateAsyncScope())
        {
            // Times out (busy_timeout) rather than commits if the snapshot took the write lock.
            var writer = writerScope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
            writer.Audits.Add(new AuditEntry(DateTimeOffset.UtcNow, "test", "POST", "/x", null, 201, "r1", null));
            await writer.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        var counted = commits.Commits;
        Assert.Equal(0, await reader.Audits.CountAsync());
        await snapshot.DisposeAsync();

        Assert.Equal(1, await reader.Audits.CountAsync());
        Assert.Equal(counted, commits.Commits);
    }
}
