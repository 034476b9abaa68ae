using ControlPlane.Bench;

var command = args.Length > 0 ? args[0] : "report";
switch (command)
{
    case "solve" when args.Length >= 3:
        var errors = new List<string>();
        var results = SolveCommand.Run(args[1], args[2], errors: errors);
        var invalid = results.Count(r => SolveCommand.IsInvalid(r.Problems));
        Console.WriteLine($"{results.Count} instances, {invalid} invalid answers, {errors.Count} unreadable or failed");
        return invalid == 0 && errors.Count == 0 ? 0 : 1;
    case "report":
        return ReportCommand.Run(args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)), args.Contains("--quick"));
    default:
        Console.Error.WriteLine("usage: solve <instancesDir> <answersDir> | report [instancesDir] [--quick]");
        return 2;
}
