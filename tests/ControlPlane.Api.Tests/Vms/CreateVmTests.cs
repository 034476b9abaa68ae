using System.Net;
using ControlPlane.Api.Tests.Infrastructure;
using ControlPlane.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Api.Tests.Vms;

public sealed class CreateVmTests : IDisposable
{
    private readonly ControlPlaneFactory _factory = new();
    private readonly HttpClient _client;

    public CreateVmTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task CreateVm_HostsWithRoom_PlacesItOnTheHostWithMostFreeMemory()
    {
        await _client.RegisterHostAsync("small", memoryMiB: 8192);
        var big = await _client.RegisterHostAsync("big", memoryMiB: 65536);

        var response = await _client.PostJsonAsync("/api/v1/vms", """{"name":"web-1","vcpus":2,"memoryMiB":1024}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var vm = await response.ReadJsonAsync();
        Assert.Equal(big.HostId.ToString(), (string)vm["hostId"]!);
        Assert.Equal("ON", (string)vm["powerState"]!);
        Assert.Equal($"/api/v1/vms/{vm["id"]}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task CreateVm_LargerThanAnyHost_Is409WithRejectionsPerFilter()
    {
        await _client.RegisterHostAsync("h1", cpuCores: 8, memoryMiB: 16384);
        await _client.RegisterHostAsync("h2", cpuCores: 8, memoryMiB: 16384);

        var response = await _client.PostJsonAsync("/api/v1/vms", """{"name":"whale","vcpus":2,"memoryMiB":32768}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("urn:controlplane:problem:unplaceable", (string)problem["type"]!);
        Assert.Equal(2, (int)problem["rejections"]!["MemoryFilter"]!);
        Assert.Equal(0, await _client.CountVmsAsync());
    }

    [Theory]
    [InlineData("""{"name":"a","vcpus":"two","memoryMiB":1024}""", "vcpus")]
    [InlineData("""{"name":"a","vcpus":2,"memoryMiB":-5}""", "memoryMiB")]
    [InlineData("""{"name":"a","vcpus":0,"memoryMiB":1024}""", "vcpus")]
    [InlineData("""{"name":"","vcpus":1,"memoryMiB":1024}""", "name")]
    [InlineData("""{"name":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","vcpus":1,"memoryMiB":1024}""", "name")]
    [InlineData("""{"name":"a","vcpus":1,"memoryMiB":1024,"powerState":"SIDEWAYS"}""", "powerState")]
    [InlineData("""{"name":"a","vcpus":1,"memoryMiB":1024,"memoryMb":5}""", "memoryMb")]
    [InlineData("""{"name":"a","vcpus":1,"memoryMiB":99999999999999}""", "memoryMiB")]
    [InlineData("""{"name":"a","vcpus":1,"memoryMiB":1024,"nics":[{"vlanId":5000}]}""", "nics[0].vlanId")]
    [InlineData("""{"name":"a","vcpus":1,"memoryMiB":1024,"nics":[{"vlanId":10,"trunkedVlans":[20]}]}""", "nics[0].trunkedVlans")]
    [InlineData("""{"name":"a","vcpus":1,"memoryMiB":1024,"nics":[{"vlanId":10,"ipAddress":"10.0.0.300/24"}]}""", "nics[0].ipAddress")]
    [InlineData("""{"name":"a","vcpus":1,"memoryMiB":1024,"nics":[{"subnetId":"7b0e6f62-9a4e-4bd4-8a43-000000000000"}]}""", "nics[0].subnetId")]
    [InlineData("""{"name":"a","vcpus":1,"memoryMiB":1024,"disks":[{"sizeGiB":0}]}""", "disks[0].sizeGiB")]
    public async Task CreateVm_BadField_Is400NamingTheFieldAndCreatesNothing(string body, string field)
    {
        await _client.RegisterHostAsync("h1");

        var response = await _client.PostJsonAsync("/api/v1/vms", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("urn:controlplane:problem:validation-failed", (string)problem["type"]!);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"errors should name {field}: {problem["errors"]}");
        Assert.Equal(0, await _client.CountVmsAsync());
    }

    [Theory]
    [InlineData("not json at all", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"name":"a"}""", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("""[1,2,3]""", "application/json", HttpStatusCode.BadRequest)]
    public async Task CreateVm_MalformedBody_IsProblemJsonAndCreatesNothing(string body, string contentType, HttpStatusCode expected)
    {
        var response = await _client.PostAsync("/api/v1/vms", new StringContent(body, System.Text.Encoding.UTF8, contentType));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, await _client.CountVmsAsync());
    }

    [Fact]
    public async Task CreateVm_ThirtyAtOnce_SpreadOverHostsAndNoHostOverCapacity()
    {
        for (var i = 1; i <= 3; i++)
        {
            await _client.RegisterHostAsync($"h{i}", cpuCores: 8, memoryMiB: 12288);
        }

        var responses = await Task.WhenAll(Enumerable.Range(1, 30).Select(i =>
            _client.PostJsonAsync("/api/v1/vms", $$"""{"name":"vm-{{i}}","vcpus":2,"memoryMiB":1024}""")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var hosts = (await (await _client.GetAsync("/api/v1/hosts")).ReadJsonAsync())["data"]!.AsArray();
        Assert.All(hosts, h =>
        {
            Assert.InRange((long)h!["allocated"]!["memoryMiB"]!, 1024, (long)h["memoryMiB"]!);
            Assert.InRange((int)h["allocated"]!["vcpus"]!, 2, (int)h["cpuCores"]! * 4);
        });
        Assert.Equal(30, hosts.Sum(h => (int)h!["allocated"]!["vms"]!));
    }

    [Fact]
    public async Task CreateVm_MoreThanTheClusterHolds_RefusesTheRestAndNeverOvercommits()
    {
        await _client.RegisterHostAsync("h1", cpuCores: 8, memoryMiB: 4096);
        await _client.RegisterHostAsync("h2", cpuCores: 8, memoryMiB: 4096);

        var responses = await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            _client.PostJsonAsync("/api/v1/vms", $$"""{"name":"vm-{{i}}","vcpus":1,"memoryMiB":1024}""")));

        Assert.Equal(8, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var hosts = (await (await _client.GetAsync("/api/v1/hosts")).ReadJsonAsync())["data"]!.AsArray();
        Assert.All(hosts, h => Assert.Equal(4096, (long)h!["allocated"]!["memoryMiB"]!));
    }

    [Fact]
    public async Task CreateVm_AfterAWriterThisProcessDidNotSee_PlacesOnWhatTheDatabaseHolds()
    {
        var host = await _client.RegisterHostAsync("h1", cpuCores: 8, memoryMiB: 4096);
        var big = (string)(await (await _client.PostJsonAsync("/api/v1/vms", """{"name":"big","vcpus":1,"memoryMiB":4096,"powerState":"OFF"}""")).ReadJsonAsync())["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/v1/vms/{big}")).StatusCode);

        // Another process powers the VM on and claims the host, as a placement does, through its own connection:
        // this process counts no commit, so its views still show the host empty.
        using (var scope = _factory.Services.CreateScope())
        {
            await using var other = new SqliteConnection(scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>().Database.GetConnectionString());
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = """
                UPDATE Vms SET PowerState = 'On', Version = Version + 1 WHERE Id = $vm;
                UPDATE Hosts SET DesiredGeneration = DesiredGeneration + 1, Version = Version + 1 WHERE Id = $host;
                """;
            command.Parameters.AddWithValue("$vm", Guid.Parse(big).ToString().ToUpperInvariant());
            command.Parameters.AddWithValue("$host", host.HostId.ToString().ToUpperInvariant());
            Assert.Equal(2, await command.ExecuteNonQueryAsync());
        }

        var refused = await _client.PostJsonAsync("/api/v1/vms", """{"name":"small","vcpus":1,"memoryMiB":1024}""");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.EndsWith("unplaceable", (string)(await refused.ReadJsonAsync())["type"]!, StringComparison.Ordinal);
    }
}
