using ControlPlane.LoadBench;

// hello  --urls=http://127.0.0.1:PORT                       the bare ASP.NET baseline
// run    --target=URL --workload=hello|controlplane --key=K --clients=64 --seconds=60 --warmup=5 --out=FILE.json
// report --hello=FILE.json --controlplane=FILE.json --readme=bench/README.md --machine="..."
var command = args.FirstOrDefault() ?? "";
var options = Options.Parse(args.Skip(1));
return command switch
{
    "hello" => await HelloServer.RunAsync(options),
    "run" => await LoadRun.RunAsync(options),
    "report" => LoadReport.Write(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ControlPlane.LoadBench hello|run|report [--name=value ...]");
    return 2;
}
