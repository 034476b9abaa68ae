using ControlPlane.Domain.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Persistence.Configurations;

internal sealed class EventRecordConfiguration : IEntityTypeConfiguration<EventRecord>
{
    public void Configure(EntityTypeBuilder<EventRecord> builder)
    {
        builder.ToTable("Events");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedOnAdd();
        builder.HasIndex(e => e.EntityId);
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.Property(e => e.EntityKind).HasMaxLength(32);
        builder.Property(e => e.Data).HasMaxLength(16384);
    }
}
