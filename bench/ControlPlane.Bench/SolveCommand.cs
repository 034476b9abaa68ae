using ControlPlane.Domain.Scheduling.Verification;

namespace ControlPlane.Bench;

/// <summary>Solves every instance of a folder, writes the answers, and checks each with the independent verifier.</summary>
internal static class SolveCommand
{
    public static List<(Instance Instance, Answer Answer, IReadOnlyList<string> Problems)> Run(string instancesDir, string answersDir, bool print = true,
        List<string>? errors = null)
    {
        Directory.CreateDirectory(answersDir);
        var results = new List<(Instance, Answer, IReadOnlyList<string>)>();
        foreach (var path in Directory.GetFiles(instancesDir, "*.json").Order(StringComparer.Ordinal))
        {
            if (path.EndsWith(".answer.json", StringComparison.Ordinal))
            {
                continue;
            }
            Instance instance;
            Answer answer;
            try
            {
                instance = InstanceReader.Read(path);
                answer = TaskSolver.Solve(instance);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or KeyNotFoundException or FormatException
                or System.Text.Json.JsonException or IndexOutOfRangeException or NullReferenceException)
            {
                Console.WriteLine($"{Path.GetFileName(path),-34} ERROR {e.GetType().Name}: {e.Message}");
                errors?.Add(path);
                continue;
            }
            AnswerWriter.Write(answersDir, answer);
            var problems = Verify(instance, answer);
            results.Add((instance, answer, problems));
            if (print)
            {
                Console.WriteLine($"{instance.Name,-34} {instance.Task,-11} moves {answer.Moves.Count,4} cost {answer.CostMiB,9} lb {answer.LowerBoundMiB,9} " +
                    $"placed {answer.Placements.Count,5} unplaced {answer.Unplaced.Count,3} viol {answer.Violations.Count,3} {answer.Millis,9:0.00} ms " +
                    Verdict(problems));
            }
        }
        return results;
    }

    /// <summary>VALID; BEST-POSSIBLE when only rules no answer could keep are broken; otherwise INVALID with the first problems.</summary>
    public static string Verdict(IReadOnlyList<string> problems) =>
        problems.Count == 0 ? "VALID"
        : IsInvalid(problems) ? $"INVALID: {string.Join("; ", problems.Take(3))}"
        : $"BEST-POSSIBLE: {problems[0]}";

    public static bool IsInvalid(IReadOnlyList<string> problems) => problems.Any(p => !p.Contains(PlanVerifier.Unavoidable, StringComparison.Ordinal));

    public static IReadOnlyList<string> Verify(Instance instance, Answer answer) =>
        PlanVerifier.Verify(instance.Snapshot, instance.Requests,
            new AnswerToVerify(answer.Moves, answer.Placements, [.. answer.Unplaced.Select(u => u.RequestId)], answer.Violations, answer.CostMiB),
            placementsKeepThreshold: instance.Task == "place", checkHa: instance.Task == "ha");
}
