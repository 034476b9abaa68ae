using ControlPlane.Application.Scheduling;
using ControlPlane.Application.Views;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Vms;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ControlPlane.Api.Tests.Views;

/// <summary>
/// A read that starts after a write has completed sees it, whatever wrote it. Only the views and the
/// database here, no background loops, so nothing else commits in between to hide a missed write.
/// </summary>
public sealed class ViewFreshnessTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"cp-views-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = null!;
    private ResourceViews _views = null!;
    private readonly VmId _vm = new(Guid.CreateVersion7());

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance)
            .AddPersistence(_ => $"Data Source={_file}")
            .Configure<SchedulingOptions>(_ => { })
            .AddSingleton<ResourceViews>()
            .BuildServiceProvider();
        await _services.MigrateAsync();
        await WriteAsync(db =>
        {
            db.Vms.Add(new Vm(_vm, ClusterId.Default, new VmSpec("before", 1, 64, new Dictionary<string, string>(), false, false, null, PowerState.Off), Guid.NewGuid(), DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });
        _views = _services.GetRequiredService<ResourceViews>();
        Assert.Equal("before", await NameAsync());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_file) + "*"))
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task TrackedSave_IsSeenByTheNextRead()
    {
        await WriteAsync(async db =>
        {
            var vm = await db.Vms.SingleAsync(v => v.Id == _vm);
            vm.Rename("tracked");
            await db.SaveChangesAsync();
        });

        Assert.Equal("tracked", await NameAsync());
    }

    [Fact]
    public async Task SetBasedUpdateInATransaction_IsSeenByTheNextRead()
    {
        await WriteAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Vms.Where(v => v.Id == _vm).ExecuteUpdateAsync(set => set.SetProperty(v => v.Name, "set-based"));
            await transaction.CommitAsync();
        });

        Assert.Equal("set-based", await NameAsync());
    }

    [Fact]
    public async Task PlainSqlOutsideATransaction_IsSeenByTheNextRead()
    {
        await WriteAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Vms SET Name = 'plain-sql' WHERE Id = {_vm.Value.ToString().ToUpperInvariant()}"));

        Assert.Equal("plain-sql", await NameAsync());
    }

    [Fact]
    public async Task Deletion_IsSeenByTheNextRead()
    {
        await WriteAsync(db => db.Vms.Where(v => v.Id == _vm).ExecuteDeleteAsync());

        Assert.Null(await _views.VmAsync(_vm.Value, CancellationToken.None));
        Assert.Equal(0, (await _views.VmPageAsync(0, 10, CancellationToken.None)).Total);
    }

    private async Task<string?> NameAsync() => (await _views.VmAsync(_vm.Value, CancellationToken.None))?.Name;

    private async Task WriteAsync(Func<ControlPlaneDbContext, Task> write)
    {
        await using var scope = _services.CreateAsyncScope();
        await write(scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>());
    }
}
