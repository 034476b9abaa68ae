using System.Diagnostics.CodeAnalysis;

namespace ControlPlane.Application.Common;

/// <summary>The closed set of failures handlers raise; the API maps each to one problem type and status.</summary>
[SuppressMessage("Naming", "CA1710", Justification = "The failures are named for what went wrong (NotFound, Conflict), as the problem types are.")]
public abstract class ApplicationFailure(string message) : Exception(message);

/// <summary>The request is malformed: field → messages.</summary>
public sealed class ValidationFailed(IReadOnlyDictionary<string, string[]> errors)
    : ApplicationFailure("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailed For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

public sealed class NotFound(string kind, object id) : ApplicationFailure($"{kind} '{id}' was not found.")
{
    public string Kind { get; } = kind;
}

/// <summary>The request conflicts with the current state (a name taken, a transition not allowed now).</summary>
public sealed class Conflict(string message) : ApplicationFailure(message);

/// <summary>No host can take the VM; carries how many hosts each filter excluded and why.</summary>
public sealed class Unplaceable(string message, IReadOnlyDictionary<string, int> rejections, IReadOnlyDictionary<string, string> reasonsByHost)
    : ApplicationFailure(message)
{
    public IReadOnlyDictionary<string, int> Rejections { get; } = rejections;
    public IReadOnlyDictionary<string, string> ReasonsByHost { get; } = reasonsByHost;
}

/// <summary>The resource is no longer at the version the caller's If-Match named.</summary>
public sealed class PreconditionFailed(string message) : ApplicationFailure(message);

/// <summary>The caller is not allowed to do this (an agent token used for another host).</summary>
public sealed class Forbidden(string message) : ApplicationFailure(message);
