namespace ControlPlane.Domain.Policies;

/// <summary>
/// A registered key=value category. The registry lists the labels an organisation uses; VMs and hosts may carry
/// any category (registered or not), as policies select by key and value only.
/// </summary>
public sealed class CategoryEntry
{
    private CategoryEntry() { }

    public CategoryEntry(Guid id, string key, string value, string? description, DateTimeOffset now)
    {
        Id = id;
        Key = key;
        Value = value;
        Description = description;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Value { get; private set; } = "";
    public string? Description { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public long Version { get; private set; }
}
