using ControlPlane.Persistence.ChangeFeed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Persistence.Configurations;

/// <summary>Written only by the triggers of the ResourceChangeFeed migration; read and pruned by the views.</summary>
internal sealed class ResourceChangeConfiguration : IEntityTypeConfiguration<ResourceChange>
{
    public void Configure(EntityTypeBuilder<ResourceChange> builder)
    {
        builder.ToTable("ResourceChanges");
        builder.HasKey(c => c.Sequence);
        // AUTOINCREMENT: a pruned feed never hands out a sequence number again.
        builder.Property(c => c.Sequence).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        builder.Property(c => c.Kind).HasMaxLength(8);
    }
}
