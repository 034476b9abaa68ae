using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Contracts;

namespace ControlPlane.Api.Tests.Infrastructure;

/// <summary>Test-side helpers that talk to the API only through HTTP.</summary>
internal static class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Registers a host the way an agent does and returns its id and token.</summary>
    public static async Task<HostRegistrationResponse> RegisterHostAsync(this HttpClient client, string name, int cpuCores = 16, int memoryMiB = 65536)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agent/hosts")
        {
            Content = JsonContent.Create(new HostRegistrationRequest
            {
                Name = name,
                AgentUrl = "http://127.0.0.1:9/",
                AgentToken = "agent-token-" + name,
                Capacity = new HostCapacity { CpuCores = cpuCores, MemoryMiB = memoryMiB },
            }, options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ControlPlaneFactory.JoinToken);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<HostRegistrationResponse>(Json))!;
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        await client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static async Task<int> CountVmsAsync(this HttpClient client) =>
        (int)(await (await client.GetAsync("/api/v1/vms")).ReadJsonAsync())["metadata"]!["totalAvailableResults"]!;
}
