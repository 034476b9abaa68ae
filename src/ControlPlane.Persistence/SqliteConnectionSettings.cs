using Microsoft.Data.Sqlite;

namespace ControlPlane.Persistence;

/// <summary>
/// Settings carried by the connection string itself: wait up to 10 s for the single writer lock instead of
/// failing (Microsoft.Data.Sqlite retries busy statements until the command timeout), and enforce foreign keys.
/// </summary>
internal static class SqliteConnectionSettings
{
    public static string Apply(string connectionString) => new SqliteConnectionStringBuilder(connectionString)
    {
        DefaultTimeout = 10,
        ForeignKeys = true,
    }.ToString();
}
