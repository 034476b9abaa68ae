using ControlPlane.Persistence;

namespace ControlPlane.Application.Common;

internal static class VersionCheck
{
    /// <summary>
    /// Fails with 412 when the entity is not at the expected version, and makes the save itself conditional
    /// on it, so a writer that slips in between this check and the commit is caught too.
    /// </summary>
    public static void ExpectVersion<T>(this ControlPlaneDbContext db, T entity, long? expected) where T : class
    {
        if (expected is not { } version)
        {
            return;
        }
        var property = db.Entry(entity).Property<long>("Version");
        if (property.CurrentValue != version)
        {
            throw new PreconditionFailed($"If-Match names version {version}, but the resource is at version {property.CurrentValue}.");
        }
        property.OriginalValue = version;
    }
}
