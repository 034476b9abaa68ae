using System.Security.Claims;
using System.Text.Encodings.Web;
using ControlPlane.Application.Hosts;
using ControlPlane.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Api.Auth;

/// <summary>Authenticates an agent by its per-host token (stored hashed) and names its host in the principal.</summary>
internal sealed class AgentTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ControlPlaneDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.From(Request) is not { Length: > 0 and <= 256 } token)
        {
            return AuthenticateResult.NoResult();
        }
        var hash = HostTokens.Hash(token);
        var hostIds = await db.Hosts.AsNoTracking().Where(h => h.HostTokenHash == hash).Select(h => h.Id)
            .Take(1).ToListAsync(Context.RequestAborted);
        if (hostIds.Count == 0)
        {
            return AuthenticateResult.Fail("Unknown agent token.");
        }
        var identity = new ClaimsIdentity([new Claim(AuthSchemes.HostIdClaim, hostIds[0].ToString())], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
