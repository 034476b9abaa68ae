using System.Net;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Reliability;

/// <summary>Writes to different VMs on one host share only the host's bookkeeping; racing on it is not the client's conflict.</summary>
public sealed class ConcurrentWriteTests : IDisposable
{
    private const int Vms = 12;

    private readonly ControlPlaneFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PowerOffAndUpdate_DifferentVmsOnOneHostAtOnce_AllSucceed()
    {
        var client = _factory.CreateClient();
        await client.RegisterHostAsync("h1");
        var ids = new List<string>();
        for (var i = 0; i < Vms; i++)
        {
            ids.Add((string)(await (await client.PostJsonAsync("/api/v1/vms", $$"""{"name":"vm-{{i}}","vcpus":1,"memoryMiB":256}""")).ReadJsonAsync())["id"]!);
        }

        var answers = await Task.WhenAll(ids.Select((id, i) => i % 2 == 0
            ? client.PostAsync($"/api/v1/vms/{id}/$actions/power-off", null)
            : client.PutAsync($"/api/v1/vms/{id}", new StringContent($$"""{"name":"renamed-{{i}}","vcpus":1,"memoryMiB":256}""", System.Text.Encoding.UTF8, "application/json"))));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"{(int)a.StatusCode}: {a.Content.ReadAsStringAsync().Result}"));
    }
}
