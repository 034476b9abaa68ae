using ControlPlane.Domain.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => new { r.Key, r.Route });
        builder.HasIndex(r => r.CreatedAt);
        builder.Property(r => r.Route).HasMaxLength(256);
        builder.Property(r => r.BodyHash).HasMaxLength(64);
        builder.Property(r => r.Location).HasMaxLength(512);
        builder.Property(r => r.ResponseBody).HasMaxLength(65536);
    }
}
