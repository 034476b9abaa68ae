using ControlPlane.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("Audits");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.HasIndex(a => a.At);
        builder.Property(a => a.Path).HasMaxLength(512);
        builder.Property(a => a.Method).HasMaxLength(8);
        builder.Property(a => a.Operation).HasMaxLength(64);
        builder.Ignore(a => a.Outcome);
    }
}
