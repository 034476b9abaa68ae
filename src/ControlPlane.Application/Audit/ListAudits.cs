using ControlPlane.Application.Common;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Audit;

public static class ListAudits
{
    /// <summary>Newest first; optionally one actor's entries.</summary>
    public sealed record Query(PageRequest Paging, string? Actor = null) : IRequest<Page<AuditResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            this.AddPagingRules(q => q.Paging);
            RuleFor(q => q.Actor).MaximumLength(128);
        }
    }

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, Page<AuditResponse>>
    {
        public async Task<Page<AuditResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var audits = db.Audits.AsNoTracking();
            if (!string.IsNullOrEmpty(query.Actor))
            {
                audits = audits.Where(a => a.Actor == query.Actor);
            }
            return await audits.ToPageAsync(a => a.OrderByDescending(x => x.Id), query.Paging, AuditResponse.From, cancellationToken);
        }
    }
}
