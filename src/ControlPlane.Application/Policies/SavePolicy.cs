using ControlPlane.Application.Common;
using ControlPlane.Application.Events;
using ControlPlane.Domain.Policies;
using ControlPlane.Domain.Scheduling.Policies;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Policies;

/// <summary>Creates (no id) or replaces (id) a placement policy; a set of policies that contradicts itself is refused with 409.</summary>
public static class SavePolicy
{
    public sealed record Command(
        PlacementPolicyKind Kind,
        Guid? Id,
        string Name,
        IReadOnlyList<CategoryPair> VmCategories,
        IReadOnlyList<CategoryPair> HostCategories,
        Enforcement Enforcement,
        long? ExpectedVersion = null) : IRequest<PolicyResponse>, IConditionalRequest
    {
        public static Command For(PlacementPolicyKind kind, Guid? id, HostAffinityPolicyBody body, long? version = null) =>
            new(kind, id, body.Name, Pairs(body.VmCategories), Pairs(body.HostCategories), Enforcement.Must, version);

        public static Command For(PlacementPolicyKind kind, Guid? id, VmGroupPolicyBody body, long? version = null) =>
            new(kind, id, body.Name, Pairs(body.Categories), [], body.Enforcement, version);

        private static IReadOnlyList<CategoryPair> Pairs(IReadOnlyList<PolicyCategory>? categories) =>
            [.. (categories ?? []).Select(c => c is null ? null! : new CategoryPair(c.Key, c.Value))];
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(80).OverridePropertyName("name");
            RuleFor(c => c.Enforcement).IsInEnum().OverridePropertyName("enforcement");
            When(c => c.Kind != PlacementPolicyKind.VmHostAffinity, () => Selector(c => c.VmCategories, "categories"));
            When(c => c.Kind == PlacementPolicyKind.VmHostAffinity, () =>
            {
                Selector(c => c.VmCategories, "vmCategories");
                Selector(c => c.HostCategories, "hostCategories");
            });
        }

        private void Selector(System.Linq.Expressions.Expression<Func<Command, IEnumerable<CategoryPair>>> selector, string name)
        {
            RuleFor(selector).NotEmpty().Must(c => c.Count() <= 16).WithMessage("Give 1 to 16 categories.").OverridePropertyName(name);
            RuleForEach(selector).Must(Valid).WithMessage("Keys and values are 1 to 64 characters.").OverridePropertyName(name);
        }

        private static bool Valid(CategoryPair? c) =>
            c is not null && c.Key is { Length: > 0 and <= 64 } && c.Value is { Length: > 0 and <= 64 };
    }

    internal sealed class Handler(ControlPlaneDbContext db, TimeProvider clock) : IRequestHandler<Command, PolicyResponse>
    {
        public async Task<PolicyResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            PlacementPolicy policy;
            if (command.Id is { } id)
            {
                policy = await db.PlacementPolicies.SingleOrDefaultAsync(p => p.Id == id && p.Kind == command.Kind, cancellationToken)
                    ?? throw new NotFound("Policy", id);
                db.ExpectVersion(policy, command.ExpectedVersion);
                policy.Update(command.Name, command.VmCategories, command.HostCategories, command.Enforcement, now);
            }
            else
            {
                policy = new PlacementPolicy(Guid.CreateVersion7(), command.Kind, command.Name, command.VmCategories, command.HostCategories, command.Enforcement, now);
                db.PlacementPolicies.Add(policy);
            }
            if (await db.PlacementPolicies.AnyAsync(p => p.Kind == command.Kind && p.Name == command.Name && p.Id != policy.Id, cancellationToken))
            {
                throw new Conflict($"A policy of this kind named '{command.Name}' already exists.");
            }
            var others = await db.PlacementPolicies.AsNoTracking().Where(p => p.Id != policy.Id).ToListAsync(cancellationToken);
            var all = others.Append(policy).ToList();
            var problems = PolicyValidator.Validate(PolicySets.From(all));
            if (problems.Count > 0)
            {
                var names = all.ToDictionary(p => p.Id.ToString(), p => $"'{p.Name}'");
                var text = string.Join(" ", problems.Select(p => names.Aggregate(p.Message, (m, n) => m.Replace(n.Key, n.Value, StringComparison.Ordinal))));
                throw new Conflict($"The policy contradicts the policies in force: {text}");
            }
            db.Record(command.Id is null ? "policy.created" : "policy.updated", "policy", policy.Id, new { kind = policy.Kind.ToString(), policy.Name }, now);
            await db.SaveChangesAsync(cancellationToken);
            return PolicyResponse.From(policy);
        }
    }
}
