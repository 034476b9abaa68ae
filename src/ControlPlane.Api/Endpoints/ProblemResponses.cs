using Microsoft.AspNetCore.Mvc;

namespace ControlPlane.Api.Endpoints;

internal static class ProblemResponses
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    /// <summary>Documents the problem+json answers a route or group can give, so the spec lists every error.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statusCodes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata([.. statusCodes.Select(status => new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ProblemJson))]);
}
