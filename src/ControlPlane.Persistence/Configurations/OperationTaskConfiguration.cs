using ControlPlane.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Persistence.Configurations;

internal sealed class OperationTaskConfiguration : IEntityTypeConfiguration<OperationTask>
{
    public void Configure(EntityTypeBuilder<OperationTask> builder)
    {
        builder.ToTable("Tasks");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => new { t.Status, t.EntityId });
        builder.HasIndex(t => t.CreatedAt);
        builder.Property(t => t.Operation).HasMaxLength(64);
        builder.Property(t => t.EntityKind).HasMaxLength(32);
        builder.Property(t => t.ErrorMessage).HasMaxLength(2048);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.AwaitedState).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.IsFinished);
    }
}
