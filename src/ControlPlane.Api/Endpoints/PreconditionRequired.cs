namespace ControlPlane.Api.Endpoints;

/// <summary>The server is configured to require If-Match on PUT and DELETE, and the request had none (428).</summary>
internal sealed class PreconditionRequired() : Exception("This server requires If-Match with the resource's ETag on PUT and DELETE.");
