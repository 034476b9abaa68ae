namespace ControlPlane.Api.Tests.Reliability;

/// <summary>
/// Request number <c>i</c> of a fuzz run, derived from the seed and <c>i</c> alone, so any failure can be
/// replayed on its own: bad ids in routes, malformed bodies, wrong content types, bad query values,
/// bad credentials and wrong methods, spread over every operation of the spec.
/// </summary>
internal sealed class MalformedRequestGenerator(IReadOnlyList<SpecOperation> operations, World world, int seed)
{
    private static readonly string[] BadIds =
    [
        "abc", "1", "-1", "0", "null", "undefined", "true", "%20", "%00", "%FF%FE", "%zz", "%", "..%2F..%2Fhealthz", "%2e%2e", "..",
        "00000000-0000-0000-0000-00000000000g", "00000000-0000-0000-0000-0000000000", "'%20OR%201=1--", "%E2%98%83", "☃", "😀",
        "%C0%AF", "%ED%A0%80", "NaN", "1e400", "99999999999999999999", "$actions", "%7B%7D", "%0A%0D",
    ];

    private static readonly string?[] WrongContentTypes =
    [
        null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/octet-stream", "garbage", "", "application/json; charset=utf-16", "application/json; charset=does-not-exist",
        "image/png", "application/jsonx",
    ];

    private static readonly string[] BadQueries =
    [
        "page=-1", "limit=0", "limit=501", "limit=-5", "limit=abc", "limit=1e3", "limit=99999999999", "page=99999999999", "page=1.5",
        "limit=%00", "limit=", "page=", "limit=1&limit=2", "powerState=bogus", "powerState=1", "hostId=nope", "hostId=%FF",
        "status=xyz", "status=7", "entityId=123", "name=%00%FF", "limit=%E2%98%83", "page=0x10",
    ];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

    private readonly Dictionary<string, HashSet<string>> _methodsByPath = operations
        .GroupBy(o => o.PathTemplate)
        .ToDictionary(g => g.Key, g => g.Select(o => o.Method.Method).ToHashSet());

    public Probe Generate(int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var operation = operations[index % operations.Count];
        var recipe = OperationCatalog.Recipes[operation.OperationId];
        var proper = recipe.Proper(operation, world);
        var families = new List<Func<Probe>>
        {
            () => BadCredentials(proper, recipe, random),
            () => WrongMethod(proper, operation, random),
        };
        if (recipe.Body is { } body)
        {
            var json = body.Json(world);
            families.Add(() => MalformedBody(proper, body, json, random));
            families.Add(() => MalformedBody(proper, body, json, random));
            families.Add(() => MalformedBody(proper, body, json, random));
            families.Add(() => WrongContentType(proper, random));
        }
        if (operation.HasId)
        {
            families.Add(() => BadId(proper, recipe, random));
            families.Add(() => BadId(proper, recipe, random));
        }
        if (operation.QueryParameters.Count > 0 && !recipe.Streams)
        {
            families.Add(() => BadQuery(proper, random));
            families.Add(() => BadQuery(proper, random));
        }
        return families[random.Next(families.Count)]();
    }

    private static Probe MalformedBody(Probe proper, BodyTemplate body, string json, Random random)
    {
        var (bytes, description) = BodyMutator.Mutate(body, json, random);
        return proper with { Body = bytes, Description = description };
    }

    private static Probe WrongContentType(Probe proper, Random random)
    {
        var type = WrongContentTypes[random.Next(WrongContentTypes.Length)];
        return proper with { ContentType = type, Description = "wrong content type" };
    }

    private Probe BadId(Probe proper, OperationRecipe recipe, Random random)
    {
        var id = world.IdOf(recipe.Id).ToString();
        var unknown = new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256))]);
        var bad = random.Next(5) switch
        {
            0 => unknown.ToString(Pick(["D", "N", "B", "P"], random)),
            1 => new string(Pick(['a', '9', '-', '%'], random) == '%' ? 'x' : 'a', random.Next(1_000, 20_000)),
            2 => unknown + Pick(["/extra", "%00", "/", "/..", "%2F..", "?x=%FF"], random),
            _ => Pick(BadIds, random),
        };
        return proper with { Url = proper.Url.Replace(id, bad, StringComparison.Ordinal), Description = "bad id" };
    }

    private static Probe BadQuery(Probe proper, Random random)
    {
        var query = random.Next(8) == 0 ? "name=" + new string('q', random.Next(10_000, 60_000)) : Pick(BadQueries, random);
        return proper with { Url = proper.Url + "?" + query, Description = "bad query" };
    }

    private static Probe BadCredentials(Probe proper, OperationRecipe recipe, Random random)
    {
        var choices = new List<Credentials> { Credentials.None, Credentials.Garbage, Credentials.Huge, Credentials.EmptyBearer, Credentials.NonAscii };
        if (recipe.Caller == Caller.Admin || (recipe.Caller == Caller.User && recipe.Mutates))
        {
            choices.Add(Credentials.Viewer);
        }
        if (recipe.Caller == Caller.Agent)
        {
            choices.Add(Credentials.OtherAgent);
        }
        return proper with { Credentials = Pick(choices, random), Description = "bad credentials" };
    }

    private Probe WrongMethod(Probe proper, SpecOperation operation, Random random)
    {
        var allowed = _methodsByPath[operation.PathTemplate];
        var method = Pick(Methods.Where(m => !allowed.Contains(m)).ToList(), random);
        return proper with { Method = new HttpMethod(method), Description = "method not allowed" };
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
