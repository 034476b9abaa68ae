using System.Net;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Operations;

public sealed class WebhookAndAuditTests : IDisposable
{
    private readonly ControlPlaneFactory _factory = new();
    private readonly HttpClient _client;

    public WebhookAndAuditTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    private async Task<string> CreateAndPowerCycleVmAsync()
    {
        var vm = await (await _client.PostJsonAsync("/api/v1/vms", """{"name":"evented","vcpus":1,"memoryMiB":512}""")).ReadJsonAsync();
        var id = (string)vm["id"]!;
        await _client.PostAsync($"/api/v1/vms/{id}/$actions/power-off", null);
        await _client.PostAsync($"/api/v1/vms/{id}/$actions/power-on", null);
        return id;
    }

    private static readonly string[] Expected = ["vm.created", "vm.placed", "vm.power-off", "vm.power-on", "vm.placed"];

    [Fact]
    public async Task Webhook_ReceivesSignedEventsInOrder_RetryingFailuresWithoutDroppingAny()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNextCount = 2;
        await _client.RegisterHostAsync("h1");
        var hook = await _client.PostJsonAsync("/api/v1/webhooks", $$"""{"name":"rx","url":"{{receiver.Url}}","eventTypes":["vm."],"secret":"{{receiver.Secret}}"}""");
        Assert.Equal(HttpStatusCode.Created, hook.StatusCode);
        var hookId = (string)(await hook.ReadJsonAsync())["id"]!;

        var id = await CreateAndPowerCycleVmAsync();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (receiver.Received.Count(e => (string)e["entityId"]! == id) < Expected.Length && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Equal(Expected, receiver.Received.Where(e => (string)e["entityId"]! == id).Select(e => (string)e["type"]!));
        Assert.Equal(0, receiver.BadSignatures);
        var deliveries = (await (await _client.GetAsync($"/api/v1/webhooks/{hookId}/deliveries?limit=100")).ReadJsonAsync())["data"]!.AsArray();
        Assert.Equal(2, deliveries.Count(d => !(bool)d!["succeeded"]!));
    }

    [Fact]
    public async Task Mutations_AreAudited_WithActorRequestIdAndOutcome()
    {
        await _client.PostJsonAsync("/api/v1/subnets", """{"name":"v100","vlanId":100}""");
        await _client.PostJsonAsync("/api/v1/vms", """{"name":"","vcpus":0,"memoryMiB":0}""");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/subnets") { Content = new StringContent("""{"name":"v200","vlanId":200}""", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "audit-key");
        await _client.SendAsync(request);
        await _factory.CreateAnonymousClient().PostJsonAsync("/api/v1/subnets", """{"name":"v300","vlanId":300}""");

        var audits = (await (await _client.GetAsync("/api/v1/audits")).ReadJsonAsync())["data"]!.AsArray();

        Assert.Contains(audits, a => (string)a!["operation"]! == "CreateSubnet" && (int)a["statusCode"]! == 201
            && ((string)a["actor"]!).StartsWith("key:configured-admin", StringComparison.Ordinal) && ((string)a["requestId"]!).Length > 0);
        Assert.Contains(audits, a => (string)a!["operation"]! == "CreateVm" && (string)a["outcome"]! == "REJECTED");
        Assert.Contains(audits, a => (string?)a!["idempotencyKey"] == "audit-key");
        Assert.Contains(audits, a => (string)a!["actor"]! == "anonymous" && (int)a["statusCode"]! == 401);
    }
}
