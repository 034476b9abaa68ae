using ControlPlane.Application.Ads;
using ControlPlane.Application.Common;
using ControlPlane.Application.Scheduling;
using ControlPlane.Domain.Policies;
using ControlPlane.Domain.Scheduling.Compliance;
using ControlPlane.Domain.Scheduling.Planning;
using ControlPlane.Domain.Scheduling.Policies;
using ControlPlane.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Policies;

/// <summary>Per VM the policy covers (powered-on, placed VMs): compliant, or not with a typed reason.</summary>
public sealed record PolicyComplianceResponse(
    Guid PolicyId,
    string Name,
    Enforcement Enforcement,
    int NumCompliant,
    int NumNonCompliant,
    IReadOnlyList<VmComplianceResponse> Vms);

public sealed record VmComplianceResponse(Guid VmId, string VmName, Guid HostId, ComplianceStatus Status, NonComplianceReason? Reason);

public static class GetPolicyCompliance
{
    public sealed record Query(PlacementPolicyKind Kind, Guid Id) : IRequest<PolicyComplianceResponse>;

    internal sealed class Handler(ControlPlaneDbContext db, SnapshotLoader loader) : IRequestHandler<Query, PolicyComplianceResponse>
    {
        public async Task<PolicyComplianceResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var policy = await db.PlacementPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.Id && p.Kind == query.Kind, cancellationToken)
                ?? throw new NotFound("Policy", query.Id);
            var snapshot = await loader.LoadAsync(null, cancellationToken);
            var compliance = ComplianceEvaluator.Evaluate(snapshot).Single(c => c.PolicyId == policy.Id.ToString());
            var names = await db.Vms.AsNoTracking().Select(v => new { v.Id, v.Name }).ToDictionaryAsync(v => v.Id.ToString(), v => v.Name, cancellationToken);
            return new PolicyComplianceResponse(policy.Id, policy.Name, compliance.Enforcement, compliance.NumCompliant, compliance.NumNonCompliant,
                [.. compliance.Vms.Select(v => new VmComplianceResponse(Guid.Parse(v.VmId), names.GetValueOrDefault(v.VmId, ""), Guid.Parse(v.HostId), v.Status, v.Reason))]);
        }
    }
}

/// <summary>Plans policy enforcement now (all policies, so make-room moves stay consistent) and runs it; answers the plan.</summary>
public static class ReEnforcePolicy
{
    public sealed record Command(PlacementPolicyKind Kind, Guid Id) : IRequest<PlanResponse>;

    internal sealed class Handler(ControlPlaneDbContext db, SnapshotLoader loader, PlanRunner runner) : IRequestHandler<Command, PlanResponse>
    {
        public async Task<PlanResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var policy = await db.PlacementPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.Id && p.Kind == command.Kind, cancellationToken)
                ?? throw new NotFound("Policy", command.Id);
            var snapshot = await loader.LoadAsync(null, cancellationToken);
            var plan = PolicyEnforcementPlanner.Plan(snapshot, cool: false);
            return PlanResponse.From(await runner.RunAsync(plan, $"re-enforce requested for policy '{policy.Name}'", cancellationToken));
        }
    }
}
