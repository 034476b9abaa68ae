namespace ControlPlane.Api.Endpoints;

internal static class ProblemResponses
{
    /// <summary>Documents the problem+json answers a group of routes can give, so the spec lists every error.</summary>
    public static RouteGroupBuilder ProducesProblems(this RouteGroupBuilder group, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            group.ProducesProblem(status);
        }
        return group;
    }
}
