using Xunit.Abstractions;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Reliability;

/// <summary>
/// The committed spec is the contract: every operation in it is called, and every documented error it
/// can be made to give deterministically is provoked and must be problem+json with a stable type.
/// </summary>
public sealed class ContractWalkTests(ITestOutputHelper output) : IDisposable
{
    private readonly ControlPlaneFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void Spec_EveryOperation_IsKnownToTheWalker()
    {
        var inSpec = SpecOperation.LoadAll().Select(o => o.OperationId).ToHashSet();

        Assert.Empty(inSpec.Except(OperationCatalog.Recipes.Keys).Order());
        Assert.Empty(OperationCatalog.Recipes.Keys.Except(inSpec).Order());
    }

    [Fact]
    public void Spec_EveryDocumentedError_IsProblemJson()
    {
        var faults = SpecOperation.LoadAll()
            .SelectMany(o => o.ErrorStatuses.Select(s => (Operation: o, Status: s, Types: SpecOperation.ErrorMediaTypes(o.OperationId, s))))
            .Where(e => !e.Types.SequenceEqual(["application/problem+json"]))
            .Select(e => $"{e.Operation} {e.Status}: [{string.Join(", ", e.Types)}]");

        Assert.Empty(faults);
    }

    [Fact]
    public async Task EveryOperation_ProvokableDocumentedErrors_AreProblemJson()
    {
        var world = await World.CreateAsync(_factory);
        var faults = new List<string>();
        var provoked = 0;
        var documented = 0;
        foreach (var operation in SpecOperation.LoadAll())
        {
            var recipe = OperationCatalog.Recipes[operation.OperationId];
            var answered = new List<int>();
            foreach (var status in operation.ErrorStatuses)
            {
                documented++;
                if (ErrorProvoker.For(status, operation, recipe, world) is not { } probe)
                {
                    continue;
                }
                using var response = await world.Http.SendAsync(probe.ToRequest(world));
                provoked++;
                answered.Add(status);
                if ((int)response.StatusCode != status)
                {
                    faults.Add($"{operation}: expected {status} for {probe}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                else if (await ProblemCheck.FindFaultAsync(response) is { } fault)
                {
                    faults.Add($"{operation}: {fault} for {probe}");
                }
            }
            Assert.True(answered.Count > 0, $"{operation}: the walker could provoke none of its documented errors.");
            output.WriteLine($"{operation}: provoked [{string.Join(", ", answered)}] of documented [{string.Join(", ", operation.ErrorStatuses)}]");
        }
        output.WriteLine($"Provoked {provoked} of {documented} documented error answers; {faults.Count} faults.");

        Assert.Empty(faults);
    }
}
