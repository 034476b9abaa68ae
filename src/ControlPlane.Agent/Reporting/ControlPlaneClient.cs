using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ControlPlane.Agent.State;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Reporting;

/// <summary>The agent's two calls to the control plane: register, and report status.</summary>
internal sealed class ControlPlaneClient(HttpClient http) : IDisposable
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public async Task<HostRegistrationResponse> RegisterAsync(
        string joinToken, HostRegistrationRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "api/v1/agent/hosts")
        {
            Content = JsonBody(request),
        };
        message.Headers.Authorization = new("Bearer", joinToken);
        using var response = await http.SendAsync(message, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<HostRegistrationResponse>(Json, ct)
            ?? throw new InvalidOperationException("The control plane answered the registration with an empty body.");
    }

    public async Task<ReportDelivery> ReportStatusAsync(
        AgentIdentity identity, HostStatusReport report, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"api/v1/agent/hosts/{identity.HostId}/status")
        {
            Content = JsonBody(report),
        };
        message.Headers.Authorization = new("Bearer", identity.HostToken);
        using var response = await http.SendAsync(message, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return ReportDelivery.HostUnknown;
        }
        response.EnsureSuccessStatusCode();
        return ReportDelivery.Delivered;
    }

    public void Dispose() => http.Dispose();

    /// <summary>A buffered JSON body, so it goes out with a Content-Length rather than chunked.</summary>
    private static ByteArrayContent JsonBody<T>(T value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, Json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
