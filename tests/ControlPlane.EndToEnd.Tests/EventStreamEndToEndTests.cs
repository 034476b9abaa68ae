using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlPlane.EndToEnd.Tests.Infrastructure;

namespace ControlPlane.EndToEnd.Tests;

/// <summary>The server-sent event stream over real HTTP, as a client such as curl -N sees it.</summary>
public sealed class EventStreamEndToEndTests
{
    private static readonly string[] Expected = ["vm.created", "vm.placed", "vm.power-off", "vm.power-on", "vm.placed"];

    [Fact]
    public async Task SseClient_SeesAVmsEventsInOrder_AndResumesAfterLastEventId()
    {
        await using var cluster = await Cluster.StartAsync("sse-h1");
        await Poll.UntilAsync(cluster.HostsAsync, hosts => hosts.Count == 1, TimeSpan.FromSeconds(30), "the host to register");
        using var stream = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var sse = cluster.CreateStreamingClient();
        using var response = await sse.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/events"), HttpCompletionOption.ResponseHeadersRead, stream.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stream.Token));

        var vm = (await (await cluster.Api.PostAsJsonAsync("/api/v1/vms", new { name = "evented", vcpus = 1, memoryMiB = 512 })).Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)vm["id"]!;
        await cluster.Api.PostAsync($"/api/v1/vms/{id}/$actions/power-off", null);
        await cluster.Api.PostAsync($"/api/v1/vms/{id}/$actions/power-on", null);
        var seen = new List<SseEvent>();
        while (seen.Count(e => e.EntityId == id && Expected.Contains(e.Type)) < Expected.Length)
        {
            seen.Add(await SseEvent.ReadAsync(reader, stream.Token));
        }

        Assert.Equal(Expected, seen.Where(e => e.EntityId == id && Expected.Contains(e.Type)).Select(e => e.Type));
        Assert.Equal(seen.Select(e => e.Id).Order(), seen.Select(e => e.Id));

        var resume = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
        resume.Headers.Add("Last-Event-ID", seen[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var resumed = await sse.SendAsync(resume, HttpCompletionOption.ResponseHeadersRead, stream.Token);
        using var resumedReader = new StreamReader(await resumed.Content.ReadAsStreamAsync(stream.Token));
        Assert.Equal(seen[2].Id, (await SseEvent.ReadAsync(resumedReader, stream.Token)).Id);
    }
}
