using Microsoft.OpenApi;

namespace ControlPlane.Api.Endpoints;

internal static class Idempotent
{
    /// <summary>Honours Idempotency-Key on a creating or starting POST, and documents the header.</summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder route) => route
        .AddEndpointFilter(IdempotencyFilter.Instance)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyFilter.Headers[0],
                In = ParameterLocation.Header,
                Required = false,
                Description = "Replays the first answer for the same key and body (alias NTNX-Request-Id); another body with the same key is 409. Kept 24 h.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 128 },
            });
            return Task.CompletedTask;
        });
}
