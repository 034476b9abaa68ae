namespace ControlPlane.Contracts;

/// <summary>A VM disk, backed by a qcow2 file the agent creates under its data directory.</summary>
public sealed record DesiredDisk
{
    public required Guid Id { get; init; }
    public required int SizeGiB { get; init; }

    /// <summary>Optional image to base the disk on (a path or URL the agent can read).</summary>
    public string? SourceImage { get; init; }
}
