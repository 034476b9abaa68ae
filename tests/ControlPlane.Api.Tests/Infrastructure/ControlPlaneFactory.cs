using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ControlPlane.Api.Tests.Infrastructure;

/// <summary>
/// The real API over a real SQLite file (migrated as in production) in a folder of its own, with no dev
/// cluster. Agents are played by the test through the agent routes.
/// </summary>
public sealed class ControlPlaneFactory : WebApplicationFactory<Program>
{
    public const string JoinToken = "test-join-token";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "cp-api-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ControlPlane:DataDir", _dataDir);
        builder.UseSetting("ControlPlane:JoinToken", JoinToken);
        builder.UseSetting("DevCluster:Agents", "0");
        builder.UseSetting("ControlPlane:Dispatch:PollSeconds", "0.2");
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
