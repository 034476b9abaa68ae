using ControlPlane.Application.Events;
using ControlPlane.Contracts;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Hosts;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Hosts;

public static class RegisterHost
{
    /// <summary>An agent joins the cluster (its join token was checked at the edge). Re-registering a known name rotates its tokens.</summary>
    public sealed record Command(HostRegistrationRequest Request) : IRequest<Result>;

    public sealed record Result(HostRegistrationResponse Response, bool Created);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Request.Name).NotEmpty().MaximumLength(80).OverridePropertyName("name");
            RuleFor(c => c.Request.AgentUrl).NotEmpty().MaximumLength(512)
                .Must(u => u.StartsWith("unix:/", StringComparison.Ordinal) || Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                .WithMessage("Give an http(s) URL or unix:/path.sock.").OverridePropertyName("agentUrl");
            RuleFor(c => c.Request.AgentToken).NotEmpty().MaximumLength(256).OverridePropertyName("agentToken");
            RuleFor(c => c.Request.Address).MaximumLength(256).OverridePropertyName("address");
            RuleFor(c => c.Request.Capacity).SetValidator(new HostCapacityValidator()).OverridePropertyName("capacity");
        }
    }

    internal sealed class Handler(ControlPlaneDbContext db, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = command.Request;
            var token = HostTokens.New();
            var host = await db.Hosts.SingleOrDefaultAsync(h => h.Name == request.Name, cancellationToken);
            var created = host is null;
            if (host is null)
            {
                host = new Host(new HostId(Guid.CreateVersion7()), ClusterId.Default, request.Name, request.AgentUrl,
                    request.AgentToken, HostTokens.Hash(token), clock.GetUtcNow());
                db.Hosts.Add(host);
            }
            host.Reregister(request.AgentUrl, request.Address, request.AgentToken, HostTokens.Hash(token));
            host.UpdateInventory(request.Capacity.CpuCores, request.Capacity.MemoryMiB, request.Capacity.CpuModel, request.Capacity.Gpus);
            db.Record(created ? "host.registered" : "host.reregistered", "host", host.Id.Value, new { host.Name, host.CpuCores, host.MemoryMiB }, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return new Result(new HostRegistrationResponse(host.Id.Value, token), created);
        }
    }
}
