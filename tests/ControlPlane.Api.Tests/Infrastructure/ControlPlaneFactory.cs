using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ControlPlane.Api.Tests.Infrastructure;

/// <summary>
/// The real API over a real SQLite file (migrated as in production) in a folder of its own, with no dev
/// cluster, and a configured admin key its clients present. Agents are played by the test through the
/// agent routes.
/// </summary>
public sealed class ControlPlaneFactory : WebApplicationFactory<Program>
{
    public const string JoinToken = "test-join-token";
    public const string AdminKey = "test-admin-key";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "cp-api-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ControlPlane:DataDir", _dataDir);
        builder.UseSetting("ControlPlane:JoinToken", JoinToken);
        builder.UseSetting("ControlPlane:Auth:AdminKey", AdminKey);
        builder.UseSetting("DevCluster:Agents", "0");
        builder.UseSetting("ControlPlane:Dispatch:PollSeconds", "0.2");
    }

    /// <summary>Clients act as the configured administrator unless a test says otherwise.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}
