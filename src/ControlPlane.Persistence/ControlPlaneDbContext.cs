using ControlPlane.Domain.Audit;
using ControlPlane.Domain.Clusters;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Events;
using ControlPlane.Domain.Hosts;
using ControlPlane.Domain.Idempotency;
using ControlPlane.Domain.Policies;
using ControlPlane.Domain.Security;
using ControlPlane.Domain.Subnets;
using ControlPlane.Domain.Tasks;
using ControlPlane.Domain.Vms;
using ControlPlane.Domain.Webhooks;
using ControlPlane.Persistence.ChangeFeed;
using ControlPlane.Persistence.Conventions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Persistence;

/// <summary>The control plane's one database. Every aggregate carries an integer Version as its concurrency token.</summary>
public sealed class ControlPlaneDbContext(DbContextOptions<ControlPlaneDbContext> options) : DbContext(options)
{
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<Host> Hosts => Set<Host>();
    public DbSet<Vm> Vms => Set<Vm>();
    public DbSet<Subnet> Subnets => Set<Subnet>();
    public DbSet<OperationTask> Tasks => Set<OperationTask>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> Audits => Set<AuditEntry>();
    public DbSet<EventRecord> Events => Set<EventRecord>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<WebhookSubscription> Webhooks => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<PlacementPolicy> PlacementPolicies => Set<PlacementPolicy>();
    public DbSet<CategoryEntry> Categories => Set<CategoryEntry>();
    public DbSet<SchedulerConfig> SchedulerSettings => Set<SchedulerConfig>();
    public DbSet<SchedulingPlan> SchedulingPlans => Set<SchedulingPlan>();
    public DbSet<ResourceChange> ResourceChanges => Set<ResourceChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ControlPlaneDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<ClusterId>().HaveConversion<TypedIdConverter<ClusterId>>();
        configurationBuilder.Properties<HostId>().HaveConversion<TypedIdConverter<HostId>>();
        configurationBuilder.Properties<VmId>().HaveConversion<TypedIdConverter<VmId>>();
        configurationBuilder.Properties<TaskId>().HaveConversion<TypedIdConverter<TaskId>>();
        configurationBuilder.Properties<SubnetId>().HaveConversion<TypedIdConverter<SubnetId>>();
        // SQLite cannot order or compare DateTimeOffset text; store a sortable 64-bit form (all times are UTC).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(256);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Every modified aggregate gets Version + 1; EF compares the original value in the UPDATE's WHERE
    /// clause, so a concurrent writer that saved first makes this save fail instead of overwriting it.
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } version)
            {
                var property = entry.Property(version.Name);
                property.CurrentValue = (long)property.OriginalValue! + 1;
            }
        }
    }
}
