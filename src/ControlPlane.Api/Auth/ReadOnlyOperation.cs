namespace ControlPlane.Api.Auth;

/// <summary>Marks a POST that changes nothing (a what-if), so viewer keys may call it.</summary>
internal sealed class ReadOnlyOperation
{
    public static readonly ReadOnlyOperation Instance = new();
}
