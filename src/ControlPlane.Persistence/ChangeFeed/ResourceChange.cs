namespace ControlPlane.Persistence.ChangeFeed;

/// <summary>
/// One row written by a database trigger whenever a VM (or one of its NICs and disks) or a host is inserted,
/// updated or deleted, in the same transaction as the change. The in-memory views read these in
/// <see cref="Sequence"/> order to learn exactly what to reload, whichever code path wrote the row.
/// </summary>
public sealed class ResourceChange
{
    public long Sequence { get; private set; }

    /// <summary><c>vm</c> or <c>host</c>.</summary>
    public string Kind { get; private set; } = "";

    public Guid EntityId { get; private set; }

    public const string VmKind = "vm";
    public const string HostKind = "host";

    /// <summary>The tables whose triggers feed this table (migration <c>ResourceChangeFeed</c>).</summary>
    public static readonly IReadOnlyList<string> WatchedTables = ["Vms", "VmNics", "VmDisks", "Hosts"];
}
