using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ControlPlane.Contracts;

namespace ControlPlane.Application.Dispatch;

/// <summary>Pushes desired state to agents. One pooled client per agent URL.</summary>
internal sealed class AgentClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public async Task<DesiredStateAck> PushAsync(string agentUrl, string agentToken, HostDesiredState state, CancellationToken ct)
    {
        var client = _clients.GetOrAdd(agentUrl, url => new HttpClient(AgentHttp.Handler(url)) { Timeout = TimeSpan.FromSeconds(10) });
        using var request = new HttpRequestMessage(HttpMethod.Put, AgentHttp.Uri(agentUrl, "v1/desired-state"))
        {
            Content = JsonContent.Create(state, options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agentToken);
        using var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Agent answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
        return await response.Content.ReadFromJsonAsync<DesiredStateAck>(Json, ct)
            ?? throw new HttpRequestException("Agent answered with an empty body.");
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
