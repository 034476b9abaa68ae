using ControlPlane.Domain.Vms;
using ControlPlane.Persistence.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Persistence.Configurations;

internal sealed class VmConfiguration : IEntityTypeConfiguration<Vm>
{
    public void Configure(EntityTypeBuilder<Vm> builder)
    {
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => v.Name);
        builder.HasIndex(v => v.HostId);
        builder.Property(v => v.Name).HasMaxLength(80);
        builder.Property(v => v.CpuModel).HasMaxLength(64);
        builder.Property(v => v.ObservedError).HasMaxLength(1024);
        builder.Property(v => v.PowerState).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.ShutdownMode).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.ObservedState).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.Categories).AsJson();
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.OwnsMany(v => v.Nics, nic =>
        {
            nic.ToTable("VmNics");
            nic.WithOwner().HasForeignKey("VmId");
            nic.HasKey(n => n.Id);
            nic.Property(n => n.Id).ValueGeneratedNever();
            nic.Property(n => n.VlanMode).HasConversion<string>().HasMaxLength(16);
            nic.Property(n => n.TrunkedVlans).AsJson();
            nic.Property(n => n.MacAddress).HasMaxLength(17);
            nic.Property(n => n.IpAddress).HasMaxLength(64);
            nic.HasIndex(n => n.MacAddress).IsUnique();
        });
        builder.OwnsMany(v => v.Disks, disk =>
        {
            disk.ToTable("VmDisks");
            disk.WithOwner().HasForeignKey("VmId");
            disk.HasKey(d => d.Id);
            disk.Property(d => d.Id).ValueGeneratedNever();
        });
        builder.Navigation(v => v.Nics).AutoInclude();
        builder.Navigation(v => v.Disks).AutoInclude();
    }
}
