using System.Text.Json.Serialization;
using ControlPlane.Domain.Security;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;

namespace ControlPlane.Application.Security;

public static class CreateApiKey
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Command : IRequest<ApiKeyResponse>
    {
        public string Name { get; init; } = "";
        public Role Role { get; init; } = Role.Viewer;
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(80);
            RuleFor(c => c.Role).IsInEnum();
        }
    }

    internal sealed class Handler(ControlPlaneDbContext db, TimeProvider clock) : IRequestHandler<Command, ApiKeyResponse>
    {
        public async Task<ApiKeyResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var secret = ApiKeyTokens.New();
            var key = new ApiKey(Guid.CreateVersion7(), command.Name, command.Role, ApiKeyTokens.Hash(secret), ApiKeyTokens.DisplayPrefix(secret), clock.GetUtcNow());
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(cancellationToken);
            return ApiKeyResponse.From(key, secret);
        }
    }
}
