using ControlPlane.Domain.Hosts;
using ControlPlane.Persistence.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Persistence.Configurations;

internal sealed class HostConfiguration : IEntityTypeConfiguration<Host>
{
    public void Configure(EntityTypeBuilder<Host> builder)
    {
        builder.HasKey(h => h.Id);
        builder.HasIndex(h => h.Name).IsUnique();
        builder.HasIndex(h => h.HostTokenHash);
        builder.Property(h => h.Name).HasMaxLength(80);
        builder.Property(h => h.AgentUrl).HasMaxLength(512);
        builder.Property(h => h.LastDeliveryError).HasMaxLength(1024);
        builder.Property(h => h.Gpus).AsJson();
        builder.Property(h => h.Categories).AsJson();
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.Ignore(h => h.State);
    }
}
