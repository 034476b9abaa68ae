using System.Net;
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
            Content = JsonContent.Create(request, options: Json),
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
            Content = JsonContent.Create(report, options: Json),
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
}
