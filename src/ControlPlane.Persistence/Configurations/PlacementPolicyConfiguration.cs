using ControlPlane.Domain.Policies;
using ControlPlane.Persistence.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Persistence.Configurations;

internal sealed class PlacementPolicyConfiguration : IEntityTypeConfiguration<PlacementPolicy>
{
    public void Configure(EntityTypeBuilder<PlacementPolicy> builder)
    {
        builder.ToTable("PlacementPolicies");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.Kind, p.Name }).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(80);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Enforcement).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.VmCategories).AsJson();
        builder.Property(p => p.HostCategories).AsJson();
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class CategoryEntryConfiguration : IEntityTypeConfiguration<CategoryEntry>
{
    public void Configure(EntityTypeBuilder<CategoryEntry> builder)
    {
        builder.ToTable("Categories");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.Key, c.Value }).IsUnique();
        builder.Property(c => c.Key).HasMaxLength(64);
        builder.Property(c => c.Value).HasMaxLength(64);
        builder.Property(c => c.Description).HasMaxLength(256);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class SchedulerConfigConfiguration : IEntityTypeConfiguration<SchedulerConfig>
{
    public void Configure(EntityTypeBuilder<SchedulerConfig> builder)
    {
        builder.ToTable("SchedulerSettings");
        builder.HasKey(s => s.ClusterId);
        builder.Ignore(s => s.Values);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class SchedulingPlanConfiguration : IEntityTypeConfiguration<SchedulingPlan>
{
    public void Configure(EntityTypeBuilder<SchedulingPlan> builder)
    {
        builder.ToTable("SchedulingPlans");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.CreatedAt);
        builder.Property(p => p.Kind).HasMaxLength(32);
        builder.Property(p => p.Trigger).HasMaxLength(256);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Moves).AsJson().HasMaxLength(1_000_000);
        builder.Property(p => p.Issues).AsJson().HasMaxLength(100_000);
        builder.Property(p => p.Violations).AsJson().HasMaxLength(100_000);
        builder.Ignore(p => p.CostRatio);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
