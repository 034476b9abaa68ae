using ControlPlane.Application.Common;
using ControlPlane.Application.Views;
using FluentValidation;
using MediatR;

namespace ControlPlane.Application.Hosts;

public static class ListHosts
{
    /// <summary>Hosts by name, from the views.</summary>
    public sealed record Query(PageRequest Paging) : IRequest<JsonPage>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.AddPagingRules(q => q.Paging);
    }

    internal sealed class Handler(ResourceViews views) : IRequestHandler<Query, JsonPage>
    {
        public async Task<JsonPage> Handle(Query query, CancellationToken cancellationToken)
        {
            var (hosts, total) = await views.HostPageAsync(query.Paging.Page * query.Paging.Limit, query.Paging.Limit, cancellationToken);
            return JsonPage.Of(hosts.Select(h => h.Json), total, query.Paging);
        }
    }
}
