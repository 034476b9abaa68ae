using ControlPlane.Application.Common;
using ControlPlane.Application.Views;
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
        : IRequest<JsonPage>
    {
        /// <summary>Unfiltered, in the default order: what the views answer without a query.</summary>
        public bool IsDefaultListing => string.IsNullOrEmpty(NameContains) && HostId is null && PowerState is null
            && Common.OrderBy.IsDefault(OrderBy, "name", Sortable);
    }

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

    /// <summary>The default listing comes from the views; filtered and other orders query the database.</summary>
    internal sealed class Handler(ControlPlaneDbContext db, ResourceViews views) : IRequestHandler<Query, JsonPage>
    {
        public async Task<JsonPage> Handle(Query query, CancellationToken cancellationToken)
        {
            var paging = query.Paging;
            if (query.IsDefaultListing)
            {
                var (items, total) = await views.VmPageAsync(paging.Page * paging.Limit, paging.Limit, cancellationToken);
                return JsonPage.Of(items.Select(v => v.Json), total, paging);
            }
            var vms = db.Vms.AsNoTracking().AsSplitQuery();
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
            return JsonPage.Of(await vms.ToPageAsync(v => Common.OrderBy.Apply(v, query.OrderBy, "name", Sortable).ThenBy(x => x.Id), paging, VmResponse.From, cancellationToken));
        }
    }
}
