namespace ControlPlane.LoadBench;

internal sealed class HelloWorkload(string path) : IWorkload
{
    public Task SetupAsync(HttpClient http, int clients) => Task.CompletedTask;

    public Task StepAsync(HttpClient http, int client, Random random, LatencyRecorder recorder) =>
        Timed.GetAsync(http, path, $"read: GET {path} (hello world)", recorder);
}
