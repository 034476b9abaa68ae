using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.Api.Tests.Reliability;

/// <summary>
/// Turns a valid body into one the API must refuse: a wrong type, a missing required field, an unknown
/// field, a huge string or number, bad UTF-8, deep nesting, truncation, or no object at all.
/// Every mutation here is invalid for its operation by construction; the fuzz asserts none is accepted.
/// </summary>
internal static class BodyMutator
{
    private const string Marker = "BADBYTESMARKER";

    private static readonly string[] WrongForString = ["12345", "true", "[]", "{}", "1.5", "[\"a\"]"];
    private static readonly string[] WrongForNumber = ["\"12\"", "true", "[]", "{}", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "[1]"];
    private static readonly string[] WrongForBool = ["\"true\"", "1", "0", "[]", "{}"];
    private static readonly string[] WrongForObject = ["\"x\"", "1", "[]", "true", "[{}]"];
    private static readonly string[] WrongForArray = ["{}", "\"x\"", "1", "true"];
    private static readonly string[] HugeIntegers = ["1e400", "-1e400", "99999999999999999999", "-99999999999999999999", "2147483648", "-2147483649", "9223372036854775808", "-1", "1.5", "1e-7", "0.5e1"];
    private static readonly string[] HugeDoubles = ["1e400", "-1e400", "-1", "1e300", "-0.001", "1.7976931348623157e309"];
    private static readonly string[] ExtraNames = ["extra", "$type", "__proto__", "zzUnknown", "$ref"];
    private static readonly string[] Bodies = ["", "null", "[]", "0", "\"x\"", "true", " \t\r\n", "{}", "\uFEFF", "\0", "{\"a\":1}", "[{}]", "{{}}", "{'name':'x'}", "{\"name\":\"x\",}"];
    private static readonly byte[][] BadUtf8 =
    [
        [0xFF], [0xFE, 0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF4, 0x90, 0x80, 0x80],
    ];

    public static (byte[] Body, string Description) Mutate(BodyTemplate template, string json, Random random)
    {
        var root = JsonNode.Parse(json)!;
        var fields = JsonField.All(root);
        return random.Next(10) switch
        {
            2 => MissingField(template, root, fields, random),
            3 when !template.TolerantReader => ExtraField(template, root, fields, random),
            4 => HugeStringField(root, fields, random),
            5 when fields.Any(f => f.Kind == JsonValueKind.Number) => HugeNumber(template, root, fields, random),
            6 => BadBytes(root, fields, random),
            7 => Deep(json, random),
            8 => Truncated(root, random),
            9 => NotAnObject(random),
            _ => WrongType(root, fields, random),
        };
    }

    private static (byte[], string) WrongType(JsonNode root, IReadOnlyList<JsonField> fields, Random random)
    {
        var field = Pick(fields, random);
        var wrong = Pick(field.Kind switch
        {
            JsonValueKind.String => WrongForString,
            JsonValueKind.Number => WrongForNumber,
            JsonValueKind.True or JsonValueKind.False => WrongForBool,
            JsonValueKind.Object => WrongForObject,
            _ => WrongForArray,
        }, random);
        field.Replace(root, JsonNode.Parse(wrong));
        return (Utf8(root), $"wrong type at {field.Path}: {wrong}");
    }

    private static (byte[], string) MissingField(BodyTemplate template, JsonNode root, IReadOnlyList<JsonField> fields, Random random)
    {
        var path = Pick(template.Required, random);
        fields.Single(f => f.Path == path).Remove(root);
        return (Utf8(root), $"missing {path}");
    }

    private static (byte[], string) ExtraField(BodyTemplate template, JsonNode root, IReadOnlyList<JsonField> fields, Random random)
    {
        var objects = fields.Where(f => f.Kind == JsonValueKind.Object && !template.OpenMaps.Contains(f.Path)).ToList();
        var target = objects.Count == 0 || random.Next(2) == 0 ? root.AsObject() : Node(root, Pick(objects, random)).AsObject();
        var name = Pick(ExtraNames, random);
        target[name] = JsonNode.Parse(Pick(["1", "\"x\"", "null", "{}", "[]"], random));
        return (Utf8(root), $"unknown field {name}");
    }

    private static (byte[], string) HugeStringField(JsonNode root, IReadOnlyList<JsonField> fields, Random random)
    {
        var field = Pick(fields.Where(f => f.Kind == JsonValueKind.String).ToList(), random);
        var huge = HugeString(random);
        field.Replace(root, JsonValue.Create(huge));
        return (Utf8(root), $"huge string ({huge.Length} chars) at {field.Path}");
    }

    private static (byte[], string) HugeNumber(BodyTemplate template, JsonNode root, IReadOnlyList<JsonField> fields, Random random)
    {
        var field = Pick(fields.Where(f => f.Kind == JsonValueKind.Number).ToList(), random);
        var choices = !field.IsInteger ? HugeDoubles
            : template.Int64Fields.Contains(field.Path) ? HugeIntegers.Where(n => n is not ("2147483648" or "-2147483649")).ToArray()
            : HugeIntegers;
        var number = Pick(choices, random);
        field.Replace(root, JsonNode.Parse(number));
        return (Utf8(root), $"number {number} at {field.Path}");
    }

    private static (byte[], string) BadBytes(JsonNode root, IReadOnlyList<JsonField> fields, Random random)
    {
        var field = Pick(fields.Where(f => f.Kind == JsonValueKind.String).ToList(), random);
        field.Replace(root, JsonValue.Create(Marker));
        var bad = random.Next(4) == 0 ? "\\ud800x\\udfff"u8.ToArray() : Pick(BadUtf8, random);
        return (Replace(Utf8(root), Encoding.ASCII.GetBytes(Marker), bad), $"bad UTF-8 {Convert.ToHexString(bad)} at {field.Path}");
    }

    private static (byte[], string) Deep(string json, Random random)
    {
        var depth = Pick([65, 200, 1_000, 10_000, 100_000], random);
        var body = random.Next(3) switch
        {
            0 => string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth)),
            1 => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + string.Concat(Enumerable.Repeat("}", depth)),
            _ => json.TrimEnd()[..^1] + ",\"deep\":" + string.Concat(Enumerable.Repeat("[", depth)),
        };
        return (Encoding.UTF8.GetBytes(body), $"nesting depth {depth}");
    }

    private static (byte[], string) Truncated(JsonNode root, Random random)
    {
        var bytes = Utf8(root);
        var length = random.Next(bytes.Length - 1);
        return (bytes[..length], $"truncated at {length} of {bytes.Length} bytes");
    }

    private static (byte[], string) NotAnObject(Random random)
    {
        if (random.Next(4) == 0)
        {
            var junk = new byte[random.Next(1, 200)];
            random.NextBytes(junk);
            return (junk, $"{junk.Length} random bytes");
        }
        var body = Pick(Bodies, random);
        return (Encoding.UTF8.GetBytes(body), $"body {JsonSerializer.Serialize(body)}");
    }

    private static string HugeString(Random random)
    {
        var length = random.Next(100_000, 300_000);
        var unit = Pick(["a", "é", "☃", "😀", "\\", "\"", "\u0001"], random);
        var builder = new StringBuilder(length + 4);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }
        return builder.ToString();
    }

    private static JsonNode Node(JsonNode root, JsonField field) =>
        field.Segments[^1] is int index ? field.Parent(root)[index]! : field.Parent(root)[(string)field.Segments[^1]]!;

    private static byte[] Utf8(JsonNode root) => Encoding.UTF8.GetBytes(root.ToJsonString());

    private static byte[] Replace(byte[] haystack, byte[] needle, byte[] replacement)
    {
        var at = haystack.AsSpan().IndexOf(needle);
        return [.. haystack[..at], .. replacement, .. haystack[(at + needle.Length)..]];
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
