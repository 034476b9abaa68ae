using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ControlPlane.LoadBench;

/// <summary>The framework ceiling: a bare minimal API on Kestrel, no middleware, one plain-text route.</summary>
internal static class HelloServer
{
    public static async Task<int> RunAsync(Options options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Get("urls", "http://127.0.0.1:5099"));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        await app.RunAsync();
        return 0;
    }
}
