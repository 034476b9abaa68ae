namespace ControlPlane.Api.Tests.Reliability;

/// <summary>
/// The request that deterministically gives one documented error of an operation, or null when none
/// can (a 409 a list never gives, a 404 an agent cannot reach with its own host's token).
/// </summary>
internal static class ErrorProvoker
{
    public static Probe? For(int status, SpecOperation operation, OperationRecipe recipe, World world)
    {
        var proper = recipe.Proper(operation, world, $"to provoke {status}");
        return status switch
        {
            401 => proper with { Credentials = Credentials.None },
            403 when recipe.Caller == Caller.Admin || (recipe.Caller == Caller.User && recipe.Mutates) => proper with { Credentials = Credentials.Viewer },
            403 when recipe.Caller == Caller.Agent => proper with { Credentials = Credentials.OtherAgent },
            400 when recipe.Body is not null => proper.WithJson("""{"name":"""),
            400 when operation.QueryParameters.Contains("limit") => proper with { Url = proper.Url + "?limit=0" },
            404 when recipe.Id != Entity.None && recipe.Caller != Caller.Agent =>
                proper with { Url = proper.Url.Replace(world.IdOf(recipe.Id).ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal) },
            409 when recipe.Conflict is not null => recipe.Conflict(world, proper),
            _ => null,
        };
    }
}
