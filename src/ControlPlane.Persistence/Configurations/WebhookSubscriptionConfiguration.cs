using ControlPlane.Domain.Webhooks;
using ControlPlane.Persistence.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ControlPlane.Persistence.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("Webhooks");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Name).HasMaxLength(80);
        builder.Property(w => w.Url).HasMaxLength(2048);
        builder.Property(w => w.EventTypes).AsJson();
        builder.Property(w => w.Version).IsConcurrencyToken();
    }
}
