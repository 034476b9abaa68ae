using System.Text.Json.Nodes;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Reliability;

/// <summary>
/// Everything a client can see, read through the list routes: what the fuzz must leave unchanged. The
/// dispatcher's last delivery error is left out (background work against agents that do not exist).
/// </summary>
internal static class StateSnapshot
{
    private static readonly string[] Lists = ["/api/v1/vms", "/api/v1/hosts", "/api/v1/subnets", "/api/v1/tasks", "/api/v1/api-keys", "/api/v1/clusters"];

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(HttpClient admin)
    {
        var snapshot = new Dictionary<string, string>();
        foreach (var list in Lists)
        {
            var page = await (await admin.GetAsync(list + "?limit=500")).ReadJsonAsync();
            foreach (var item in page["data"]!.AsArray().OfType<JsonObject>())
            {
                item.Remove("lastDeliveryError");
            }
            snapshot[list] = page.ToJsonString();
        }
        return snapshot;
    }
}
