using ControlPlane.Bench;

namespace ControlPlane.Domain.Tests.Scheduling.Golden;

/// <summary>Every shared benchmark instance: the answer the bench writes passes the independent verifier.</summary>
public class SharedInstanceTests
{
    public static TheoryData<string> Instances()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Folder(), "*.json").Where(p => !Path.GetFileName(p).StartsWith("rebalance", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(path));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void Solve_SharedInstance_AnswerIsValid(string name)
    {
        var instance = InstanceReader.Read(Path.Combine(Folder(), $"{name}.json"));

        var answer = TaskSolver.Solve(instance);

        Assert.Empty(SolveCommand.Verify(instance, answer));
    }

    [Theory]
    [InlineData("hotspot-chain-00")]
    [InlineData("hotspot-chain-01")]
    [InlineData("hotspot-chain-02")]
    [InlineData("hotspot-chain-03")]
    [InlineData("hotspot-chain-04")]
    [InlineData("hotspot-chain-05")]
    public void Solve_HotspotChain_ResolvedWithTwoMovesAtExactMinimum(string name)
    {
        var instance = InstanceReader.Read(Path.Combine(Folder(), $"{name}.json"));

        var answer = TaskSolver.Solve(instance);

        Assert.True(answer.Resolved);
        Assert.Equal(2, answer.Moves.Count);
        Assert.Equal(ExactHotspot.MinCost(instance.Snapshot), answer.CostMiB);
    }

    [Fact]
    public void Solve_SeedExample_WritesTheAhvPlan()
    {
        var answer = TaskSolver.Solve(InstanceReader.Read(Path.Combine(Folder(), "seed-example.json")));

        Assert.Equal(["e1 h3->h2", "a h1->h3"], answer.Moves.Select(m => $"{m.VmId} {m.From}->{m.To}"));
        Assert.Equal(12288, answer.CostMiB);
    }

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "bench", "instances");
            if (File.Exists(Path.Combine(dir.FullName, "ControlPlane.sln")) && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }
        return "/work/shared/bench/instances";
    }
}
