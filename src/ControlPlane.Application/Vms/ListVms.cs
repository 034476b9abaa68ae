using ControlPlane.Application.Common;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Vms;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Vms;

public static class ListVms
{
    /// <summary>Lists VMs by name, optionally only those whose name contains a text or that run on one host.</summary>
    public sealed record Query(PageRequest Paging, string? NameContains = null, Guid? HostId = null, PowerState? PowerState = null, string? OrderBy = null)
        : IRequest<Page<VmResponse>>;

    /// <summary>The fields <c>orderby</c> takes; ties are broken by id, so pages are stable.</summary>
    internal static readonly IReadOnlyDictionary<string, System.Linq.Expressions.Expression<Func<Vm, object>>> Sortable =
        new Dictionary<string, System.Linq.Expressions.Expression<Func<Vm, object>>>
        {
            ["name"] = v => v.Name,
            ["createdAt"] = v => v.CreatedAt,
            ["vcpus"] = v => v.Vcpus,
            ["memoryMiB"] = v => v.MemoryMiB,
            ["powerState"] = v => v.PowerState,
        };

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            this.AddPagingRules(q => q.Paging);
            RuleFor(q => q.NameContains).MaximumLength(VmRules.MaxNameLength);
            RuleFor(q => q.OrderBy).Must(o => Common.OrderBy.IsValid(o, Sortable.Keys)).OverridePropertyName("orderby")
                .WithMessage($"Use one of {string.Join(", ", Sortable.Keys)}, optionally followed by asc or desc.");
        }
    }

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, Page<VmResponse>>
    {
        public async Task<Page<VmResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var vms = db.Vms.AsNoTracking();
            if (!string.IsNullOrEmpty(query.NameContains))
            {
                vms = vms.Where(v => v.Name.Contains(query.NameContains));
            }
            if (query.HostId is { } hostId)
            {
                vms = vms.Where(v => v.HostId == new HostId(hostId));
            }
            if (query.PowerState is { } power)
            {
                vms = vms.Where(v => v.PowerState == power);
            }
            return await vms.ToPageAsync(v => Common.OrderBy.Apply(v, query.OrderBy, "name", Sortable).ThenBy(x => x.Id), query.Paging, VmResponse.From, cancellationToken);
        }
    }
}
