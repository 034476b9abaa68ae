using System.Text.Json.Serialization;
using ControlPlane.Application.Common;
using ControlPlane.Application.Events;
using ControlPlane.Application.Hosts;
using ControlPlane.Application.Vms;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Policies;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Categories;

public sealed record CategoryResponse(Guid Id, string Key, string Value, string? Description, DateTimeOffset CreatedAt)
{
    internal static CategoryResponse From(CategoryEntry c) => new(c.Id, c.Key, c.Value, c.Description, c.CreatedAt);
}

public static class CreateCategory
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Command : IRequest<CategoryResponse>
    {
        public string Key { get; init; } = "";
        public string Value { get; init; } = "";
        public string? Description { get; init; }
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Key).NotEmpty().MaximumLength(64);
            RuleFor(c => c.Value).NotEmpty().MaximumLength(64);
            RuleFor(c => c.Description).MaximumLength(256);
        }
    }

    internal sealed class Handler(ControlPlaneDbContext db, TimeProvider clock) : IRequestHandler<Command, CategoryResponse>
    {
        public async Task<CategoryResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await db.Categories.AnyAsync(c => c.Key == command.Key && c.Value == command.Value, cancellationToken))
            {
                throw new Conflict($"Category {command.Key}={command.Value} already exists.");
            }
            var category = new CategoryEntry(Guid.CreateVersion7(), command.Key, command.Value, command.Description, clock.GetUtcNow());
            db.Categories.Add(category);
            db.Record("category.created", "category", category.Id, new { category.Key, category.Value }, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return CategoryResponse.From(category);
        }
    }
}

public static class ListCategories
{
    public sealed record Query(PageRequest Paging) : IRequest<Page<CategoryResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.AddPagingRules(q => q.Paging);
    }

    internal sealed class Handler(ControlPlaneDbContext db) : IRequestHandler<Query, Page<CategoryResponse>>
    {
        public async Task<Page<CategoryResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var total = await db.Categories.CountAsync(cancellationToken);
            var page = await db.Categories.AsNoTracking().OrderBy(c => c.Key).ThenBy(c => c.Value)
                .Skip(query.Paging.Page * query.Paging.Limit).Take(query.Paging.Limit).ToListAsync(cancellationToken);
            return new Page<CategoryResponse>([.. page.Select(CategoryResponse.From)], new PageMetadata(total, query.Paging.Page, query.Paging.Limit));
        }
    }
}

public static class DeleteCategory
{
    public sealed record Command(Guid Id) : IRequest<Unit>;

    internal sealed class Handler(ControlPlaneDbContext db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
                ?? throw new NotFound("Category", command.Id);
            db.Categories.Remove(category);
            db.Record("category.deleted", "category", category.Id, new { category.Key, category.Value }, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

/// <summary>Replaces a host's categories (what VM-host affinity policies select hosts by).</summary>
public static class SetHostCategories
{
    public sealed record Command(Guid HostId, IReadOnlyDictionary<string, string>? Categories) : IRequest<HostResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Categories).ValidCategories().OverridePropertyName("");
    }

    internal sealed class Handler(ControlPlaneDbContext db, TimeProvider clock, HostAllocations allocations) : IRequestHandler<Command, HostResponse>
    {
        public async Task<HostResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var id = new HostId(command.HostId);
            var host = await db.Hosts.SingleOrDefaultAsync(h => h.Id == id, cancellationToken) ?? throw new NotFound("Host", command.HostId);
            var categories = command.Categories ?? throw ValidationFailed.For("", "Send the host's categories as a JSON object {key: value}.");
            host.SetCategories(categories);
            // A claim like a placement's: a concurrent placement planned with the old categories must re-plan.
            host.BumpGeneration();
            db.Record("host.categories.updated", "host", host.Id.Value, categories, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            var allocated = await allocations.ForAsync([id], cancellationToken);
            return HostResponse.From(host, allocated[id]);
        }
    }
}
