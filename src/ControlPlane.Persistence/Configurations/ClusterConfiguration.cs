using ControlPlane.Domain.Clusters;
using ControlPlane.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Persistence.Configurations;

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(80);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasData(new { Id = ClusterId.Default, Name = "default", VcpuAllocationRatio = 4.0, Version = 0L });
    }
}
