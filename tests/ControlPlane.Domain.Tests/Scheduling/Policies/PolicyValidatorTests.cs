using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Tests.Scheduling.Policies;

public class PolicyValidatorTests
{
    [Fact]
    public void Validate_MustAffinityAndMustAntiAffinityOverSameVms_RefusesWithConflict()
    {
        var policies = new PolicySet([], [new VmVmAntiAffinityPolicy("apart", Build.Select("app=db"), Enforcement.Must)],
            [new VmVmAffinityPolicy("together", Build.Select("app=db", "env=prod"), Enforcement.Must)]);

        var problem = Assert.Single(PolicyValidator.Validate(policies));

        Assert.Equal(PolicyProblemKind.AffinityAntiAffinityConflict, problem.Kind);
        Assert.Equal(["together", "apart"], problem.PolicyIds);
    }

    [Fact]
    public void Validate_SelectorsThatCannotOverlap_AcceptsBoth()
    {
        var policies = new PolicySet([], [new VmVmAntiAffinityPolicy("apart", Build.Select("app=db"), Enforcement.Must)],
            [new VmVmAffinityPolicy("together", Build.Select("app=web"), Enforcement.Must)]);

        Assert.Empty(PolicyValidator.Validate(policies));
    }

    [Fact]
    public void Validate_ShouldAntiAffinityWithMustAffinity_IsNotAContradiction()
    {
        var policies = new PolicySet([], [new VmVmAntiAffinityPolicy("apart", Build.Select("app=db"))],
            [new VmVmAffinityPolicy("together", Build.Select("app=db"), Enforcement.Must)]);

        Assert.Empty(PolicyValidator.Validate(policies));
    }

    [Fact]
    public void Validate_HostAffinitiesWithNoCommonHostForOneVm_Refuses()
    {
        var policies = new PolicySet([
            new VmHostAffinityPolicy("p1", Build.Select("app=db"), Build.Select("rack=a")),
            new VmHostAffinityPolicy("p2", Build.Select("env=prod"), Build.Select("rack=b")),
        ], [], []);

        Assert.Equal(PolicyProblemKind.DisjointHostAffinity, Assert.Single(PolicyValidator.Validate(policies)).Kind);
    }

    [Fact]
    public void Validate_HostAffinitiesDisjointOnActualHosts_Refuses()
    {
        var policies = new PolicySet([
            new VmHostAffinityPolicy("p1", Build.Select("app=db"), Build.Select("rack=a")),
            new VmHostAffinityPolicy("p2", Build.Select("app=db"), Build.Select("gpu=yes")),
        ], [], []);
        var hosts = new[] { Build.Host("h1", categories: ["rack=a"]), Build.Host("h2", categories: ["gpu=yes"]) };

        Assert.Empty(PolicyValidator.Validate(policies));
        Assert.Single(PolicyValidator.Validate(policies, hosts));
    }

    [Fact]
    public void Validate_MustAntiAffinityGroupLargerThanHosts_IsNotAContradiction()
    {
        var policies = new PolicySet([], [new VmVmAntiAffinityPolicy("apart", Build.Select("app=db"), Enforcement.Must)], []);

        Assert.Empty(PolicyValidator.Validate(policies, [Build.Host("h1")]));
    }

    [Fact]
    public void Validate_DuplicateIdsAndEmptySelectors_Refuses()
    {
        var policies = new PolicySet([], [new VmVmAntiAffinityPolicy("x", Build.Select("app=db")), new VmVmAntiAffinityPolicy("x", [])], []);

        var kinds = PolicyValidator.Validate(policies).Select(p => p.Kind).ToList();

        Assert.Contains(PolicyProblemKind.DuplicateId, kinds);
        Assert.Contains(PolicyProblemKind.EmptySelector, kinds);
    }
}
