using ControlPlane.Domain.Security;
using Microsoft.AspNetCore.Authentication;

namespace ControlPlane.Api.Auth;

internal static class AuthSetup
{
    /// <summary>Viewer reads, operator changes: every user route.</summary>
    public const string UserPolicy = "user";

    /// <summary>Admin only, reads included: API keys, webhooks, the audit log.</summary>
    public const string AdminPolicy = "admin";

    public static IServiceCollection AddControlPlaneAuth(this IServiceCollection services)
    {
        services.AddSingleton<JoinTokenStore>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(AuthSchemes.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, JoinTokenHandler>(AuthSchemes.JoinToken, null)
            .AddScheme<AuthenticationSchemeOptions, AgentTokenHandler>(AuthSchemes.AgentToken, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(UserPolicy, policy => policy
                .AddAuthenticationSchemes(AuthSchemes.ApiKey)
                .RequireAuthenticatedUser()
                .AddRequirements(new RoleByMethodRequirement(Role.Operator)))
            .AddPolicy(AdminPolicy, policy => policy
                .AddAuthenticationSchemes(AuthSchemes.ApiKey)
                .RequireAuthenticatedUser()
                .RequireRole(nameof(Role.Admin)));
        return services;
    }
}
