using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ControlPlane.EndToEnd.Tests.Reliability;

/// <summary>
/// Concurrent VM creates, numbered so each VM's name says what was asked for (its NICs and disks), with
/// the outcome of every request: acknowledged (2xx, with the id), refused (4xx), or lost in flight.
/// </summary>
internal sealed class CreateBurst(HttpClient api, int total, int clients)
{
    public const int MemoryMiB = 768;

    private int _next = -1;
    private int _refused;
    private int _inFlightLost;

    public ConcurrentDictionary<int, string> Acknowledged { get; } = new();
    public int Refused => _refused;
    public int Lost => _inFlightLost;
    public int Sent => Acknowledged.Count + _refused + _inFlightLost;

    /// <summary>Completes once this many creates have been acknowledged (or the burst ends).</summary>
    public TaskCompletionSource AcknowledgedEnough { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static int NicsFor(int index) => index % 3;

    public static int DisksFor(int index) => index % 2 == 0 ? 1 : 0;

    public static int IndexOf(string name) => int.Parse(name["crash-".Length..], System.Globalization.CultureInfo.InvariantCulture);

    public async Task RunAsync(int signalAfter)
    {
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => ClientAsync(signalAfter))));
        AcknowledgedEnough.TrySetResult();
    }

    private async Task ClientAsync(int signalAfter)
    {
        for (var index = Interlocked.Increment(ref _next); index < total; index = Interlocked.Increment(ref _next))
        {
            try
            {
                using var response = await api.PostAsync("/api/v1/vms", new StringContent(Body(index), Encoding.UTF8, "application/json"));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var vm = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                    Acknowledged[index] = (string)vm["id"]!;
                    if (Acknowledged.Count >= signalAfter)
                    {
                        AcknowledgedEnough.TrySetResult();
                    }
                }
                else
                {
                    Interlocked.Increment(ref _refused);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // The control plane died with this request in flight: its outcome is unknown to the client.
                Interlocked.Increment(ref _inFlightLost);
                return;
            }
        }
    }

    private static string Body(int index)
    {
        var nics = string.Join(',', Enumerable.Range(0, NicsFor(index)).Select(n => $$"""{"vlanId":{{100 + n}}}"""));
        var disks = DisksFor(index) == 1 ? """{"sizeGiB":10}""" : "";
        return $$"""{"name":"crash-{{index}}","vcpus":1,"memoryMiB":{{MemoryMiB}},"nics":[{{nics}}],"disks":[{{disks}}]}""";
    }
}
