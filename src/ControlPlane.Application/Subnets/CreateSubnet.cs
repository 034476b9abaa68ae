using System.Text.Json.Serialization;
using ControlPlane.Application.Common;
using ControlPlane.Application.Events;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Subnets;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Subnets;

public static class CreateSubnet
{
    /// <summary>A VLAN-backed subnet. Address pools and DHCP (IPAM) extend it later.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Command : IRequest<SubnetResponse>
    {
        public string Name { get; init; } = "";
        public SubnetType SubnetType { get; init; } = SubnetType.Vlan;
        public int VlanId { get; init; }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(80);
            RuleFor(c => c.SubnetType).Equal(SubnetType.Vlan).WithMessage("Only VLAN subnets exist so far; overlay subnets come with the network controller.");
            RuleFor(c => c.VlanId).InclusiveBetween(0, 4094);
        }
    }

    internal sealed class Handler(ControlPlaneDbContext db, TimeProvider clock) : IRequestHandler<Command, SubnetResponse>
    {
        public async Task<SubnetResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await db.Subnets.AnyAsync(s => s.Name == command.Name, cancellationToken))
            {
                throw new Conflict($"A subnet named '{command.Name}' already exists.");
            }
            var subnet = new Subnet(new SubnetId(Guid.CreateVersion7()), command.Name, command.SubnetType, command.VlanId);
            db.Subnets.Add(subnet);
            db.Record("subnet.created", "subnet", subnet.Id.Value, new { subnet.Name, subnet.VlanId }, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return SubnetResponse.From(subnet);
        }
    }
}
