using System.Reflection;

namespace ControlPlane.Api.Tests.Contract;

/// <summary>Api → Application → {Domain, Persistence, Contracts}; Persistence → Domain; Agent → Contracts; Domain → BCL only.</summary>
public sealed class ArchitectureTests
{
    public static TheoryData<string, string[]> AllowedReferences => new()
    {
        { "ControlPlane.Domain", [] },
        { "ControlPlane.Contracts", [] },
        { "ControlPlane.Persistence", ["ControlPlane.Domain"] },
        { "ControlPlane.Application", ["ControlPlane.Domain", "ControlPlane.Persistence", "ControlPlane.Contracts"] },
        { "ControlPlane.Api", ["ControlPlane.Application", "ControlPlane.Domain", "ControlPlane.Persistence", "ControlPlane.Contracts"] },
    };

    [Theory]
    [MemberData(nameof(AllowedReferences))]
    public void Project_ReferencesOnlyWhatTheLayeringAllows(string assembly, string[] allowed)
    {
        var references = Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("ControlPlane.", StringComparison.Ordinal));

        Assert.All(references, r => Assert.Contains(r, allowed));
    }

    [Fact]
    public void Domain_DependsOnTheBaseClassLibraryOnly()
    {
        var references = Assembly.Load("ControlPlane.Domain").GetReferencedAssemblies().Select(a => a.Name!);

        Assert.All(references, r => Assert.True(r.StartsWith("System", StringComparison.Ordinal) || r == "netstandard", $"Domain references {r}"));
    }

    [Fact]
    public void Agent_ReferencesOnlyTheContracts()
    {
        var agentBin = Path.Combine(Infrastructure.RepositoryRoot.Path, "src", "ControlPlane.Agent", "bin");
        var dll = Directory.GetFiles(agentBin, "ControlPlane.Agent.dll", SearchOption.AllDirectories).First();

        var references = Assembly.LoadFile(dll).GetReferencedAssemblies()
            .Select(a => a.Name!).Where(n => n.StartsWith("ControlPlane.", StringComparison.Ordinal));

        Assert.All(references, r => Assert.Equal("ControlPlane.Contracts", r));
    }
}
