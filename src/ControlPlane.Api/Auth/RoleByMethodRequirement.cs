using System.Security.Claims;
using ControlPlane.Domain.Security;
using Microsoft.AspNetCore.Authorization;

namespace ControlPlane.Api.Auth;

/// <summary>Reading needs a viewer key, changing anything an operator key, and some routes an admin key.</summary>
internal sealed class RoleByMethodRequirement(Role minimumForMutations) : AuthorizationHandler<RoleByMethodRequirement>, IAuthorizationRequirement
{
    public Role MinimumForMutations { get; } = minimumForMutations;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleByMethodRequirement requirement)
    {
        if (context.Resource is HttpContext http && Enum.TryParse<Role>(context.User.FindFirstValue(ClaimTypes.Role), out var role))
        {
            var readOnly = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                || http.GetEndpoint()?.Metadata.GetMetadata<ReadOnlyOperation>() is not null;
            var required = readOnly
                ? Role.Viewer
                : requirement.MinimumForMutations;
            if (ApiKey.Allows(role, required))
            {
                context.Succeed(requirement);
            }
        }
        return Task.CompletedTask;
    }
}
