using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Application.Behaviours;

/// <summary>Logs each command's name, outcome and duration; never its payload (it may hold secrets).</summary>
internal sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        var name = typeof(TRequest).DeclaringType?.Name ?? typeof(TRequest).Name;
        try
        {
            var response = await next();
            LogHandled(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            LogFailed(name, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "{Request} handled in {ElapsedMs:F1} ms")]
    private partial void LogHandled(string request, double elapsedMs);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{Request} failed with {Failure} after {ElapsedMs:F1} ms")]
    private partial void LogFailed(string request, string failure, double elapsedMs);
}
