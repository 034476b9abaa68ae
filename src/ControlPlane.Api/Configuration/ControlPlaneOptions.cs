namespace ControlPlane.Api.Configuration;

/// <summary>Section ControlPlane of appsettings.json (env vars ControlPlane__X override).</summary>
internal sealed class ControlPlaneOptions
{
    /// <summary>Where the database and generated secrets live; relative paths are from the working directory.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>SQLite connection string; empty means {DataDir}/controlplane.db.</summary>
    public string? Database { get; set; }

    /// <summary>The secret agents present to register; empty means generate one into {DataDir}/join-token.</summary>
    public string? JoinToken { get; set; }

    public ApiOptions Api { get; set; } = new();

    public string DataPath => Path.GetFullPath(DataDir);

    public string ConnectionString =>
        string.IsNullOrWhiteSpace(Database) ? $"Data Source={Path.Combine(DataPath, "controlplane.db")}" : Database;
}

/// <summary>Section ControlPlane:Api.</summary>
internal sealed class ApiOptions
{
    /// <summary>When set, PUT and DELETE on config resources without If-Match are refused with 428.</summary>
    public bool RequireIfMatch { get; set; }
}
