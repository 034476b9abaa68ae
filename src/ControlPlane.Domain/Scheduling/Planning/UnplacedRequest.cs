namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>A request no host could take, with per filter how many hosts it excluded.</summary>
public sealed record UnplacedRequest(string RequestId, IReadOnlyDictionary<string, int> Rejections);
