namespace ControlPlane.LoadBench;

/// <summary>What the clients of a run send: set up once, then one step (one request) at a time per client.</summary>
internal interface IWorkload
{
    Task SetupAsync(HttpClient http, int clients);

    Task StepAsync(HttpClient http, int client, Random random, LatencyRecorder recorder);
}
