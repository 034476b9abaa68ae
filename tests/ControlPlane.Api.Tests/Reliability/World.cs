using System.Net;
using ControlPlane.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ControlPlane.Api.Tests.Reliability;

/// <summary>
/// A small cluster set up through HTTP only, for the contract walk and the fuzz: two hosts with their
/// agent tokens, a subnet with a NIC on it and a free one, a running and a stopped VM, a finished task
/// and a viewer key.
/// </summary>
internal sealed class World
{
    public required HttpClient Http { get; init; }
    public required Guid ClusterId { get; init; }
    public required Guid HostA { get; init; }
    public required string TokenA { get; init; }
    public required Guid HostB { get; init; }
    public required string TokenB { get; init; }
    public required Guid SubnetInUse { get; init; }
    public required string SubnetInUseName { get; init; }
    public required Guid SubnetFree { get; init; }
    public required Guid VmOn { get; init; }
    public required Guid VmOff { get; init; }
    public required Guid FinishedTask { get; init; }
    public required Guid ViewerKeyId { get; init; }
    public required string ViewerKey { get; init; }
    public required Guid WebhookId { get; init; }
    public required Guid HostAffinityPolicy { get; init; }
    public required Guid AntiAffinityPolicy { get; init; }
    public required Guid AffinityPolicy { get; init; }
    public required Guid CategoryId { get; init; }
    public required Guid PlanId { get; init; }

    public static async Task<World> CreateAsync(WebApplicationFactory<Program> factory)
    {
        var admin = Client(factory, ControlPlaneFactory.AdminKey);
        var hostA = await admin.RegisterHostAsync("world-a");
        var hostB = await admin.RegisterHostAsync("world-b");
        var subnetInUse = await IdOfAsync(await admin.PostJsonAsync("/api/v1/subnets", """{"name":"world-v100","vlanId":100}"""));
        var subnetFree = await IdOfAsync(await admin.PostJsonAsync("/api/v1/subnets", """{"name":"world-v200","vlanId":200}"""));
        var vmOn = await IdOfAsync(await admin.PostJsonAsync("/api/v1/vms",
            $$"""{"name":"world-on","vcpus":2,"memoryMiB":1024,"categories":{"app":"web"},"nics":[{"subnetId":"{{subnetInUse}}"}],"disks":[{"sizeGiB":10}]}"""));
        var vmOff = await IdOfAsync(await admin.PostJsonAsync("/api/v1/vms", """{"name":"world-off","vcpus":1,"memoryMiB":512,"powerState":"OFF"}"""));
        var task = await IdOfAsync(await admin.PostAsync($"/api/v1/hosts/{hostB.HostId}/$actions/exit-maintenance", null));
        var viewer = await (await admin.PostJsonAsync("/api/v1/api-keys", """{"name":"world-viewer","role":"VIEWER"}""")).ReadJsonAsync();
        var clusters = await (await admin.GetAsync("/api/v1/clusters")).ReadJsonAsync();
        var webhook = await IdOfAsync(await admin.PostJsonAsync("/api/v1/webhooks", """{"name":"world-hook","url":"http://127.0.0.1:9/hook","eventTypes":["vm."]}"""));
        var hostAffinity = await IdOfAsync(await admin.PostJsonAsync("/api/v1/vm-host-affinity-policies",
            """{"name":"world-pinned","vmCategories":[{"key":"fz","value":"pinned"}],"hostCategories":[{"key":"rack","value":"a"}]}"""));
        var antiAffinity = await IdOfAsync(await admin.PostJsonAsync("/api/v1/vm-anti-affinity-policies",
            """{"name":"world-apart","categories":[{"key":"fz","value":"apart"}],"enforcement":"MUST"}"""));
        var affinity = await IdOfAsync(await admin.PostJsonAsync("/api/v1/vm-affinity-policies",
            """{"name":"world-together","categories":[{"key":"fz","value":"together"}],"enforcement":"MUST"}"""));
        var category = await IdOfAsync(await admin.PostJsonAsync("/api/v1/categories", """{"key":"world-env","value":"prod"}"""));
        var plan = await IdOfAsync(await admin.PostAsync($"/api/v1/vm-anti-affinity-policies/{antiAffinity}/$actions/re-enforce", null));
        return new World
        {
            HostAffinityPolicy = hostAffinity,
            AntiAffinityPolicy = antiAffinity,
            AffinityPolicy = affinity,
            CategoryId = category,
            PlanId = plan,
            Http = Client(factory, key: null),
            ClusterId = Guid.Parse((string)clusters["data"]![0]!["id"]!),
            HostA = hostA.HostId,
            TokenA = hostA.HostToken,
            HostB = hostB.HostId,
            TokenB = hostB.HostToken,
            SubnetInUse = subnetInUse,
            SubnetInUseName = "world-v100",
            SubnetFree = subnetFree,
            VmOn = vmOn,
            VmOff = vmOff,
            FinishedTask = task,
            ViewerKeyId = Guid.Parse((string)viewer["id"]!),
            ViewerKey = (string)viewer["key"]!,
            WebhookId = webhook,
        };
    }

    public Guid IdOf(Entity entity) => entity switch
    {
        Entity.Vm => VmOn,
        Entity.Host => HostA,
        Entity.Subnet => SubnetFree,
        Entity.Task => FinishedTask,
        Entity.ApiKey => ViewerKeyId,
        Entity.Cluster => ClusterId,
        Entity.Webhook => WebhookId,
        Entity.HostAffinityPolicy => HostAffinityPolicy,
        Entity.AntiAffinityPolicy => AntiAffinityPolicy,
        Entity.AffinityPolicy => AffinityPolicy,
        Entity.Category => CategoryId,
        Entity.Plan => PlanId,
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "This operation names no resource."),
    };

    /// <summary>A client with exactly the key given (none for null), whatever the factory adds by default.</summary>
    public static HttpClient Client(WebApplicationFactory<Program> factory, string? key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Accepted or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"Setting up the world failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return Guid.Parse((string)(await response.ReadJsonAsync())["id"]!);
    }
}
