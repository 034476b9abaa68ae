using System.Diagnostics;
using System.Net;
using System.Text;

namespace ControlPlane.LoadBench;

/// <summary>Sends one request, reads the whole answer, and records its latency or why it failed.</summary>
internal static class Timed
{
    public static Task GetAsync(HttpClient http, string url, string requestClass, LatencyRecorder recorder) =>
        SendAsync(http, HttpMethod.Get, url, null, HttpStatusCode.OK, requestClass, recorder);

    /// <summary>
    /// <paramref name="scheduled"/>: when an open-loop request was due (a <see cref="Stopwatch"/> timestamp); its latency
    /// counts from then, so a request sent late is not measured as if it had been on time.
    /// </summary>
    public static async Task<string?> SendAsync(
        HttpClient http, HttpMethod method, string url, string? json, HttpStatusCode expected, string requestClass, LatencyRecorder recorder,
        long? scheduled = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        var started = scheduled ?? Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected)
            {
                recorder.Error(requestClass, $"{(int)response.StatusCode} {Truncate(body)}");
                return null;
            }
            recorder.Record(requestClass, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return body;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            recorder.Error(requestClass, ex.GetType().Name + ": " + ex.Message);
            return null;
        }
    }

    private static string Truncate(string body) => body.Length <= 160 ? body : body[..160];
}
