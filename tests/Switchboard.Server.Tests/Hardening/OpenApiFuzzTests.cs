using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Hardening;

/// <summary>
/// Every operation of <c>/openapi/v1.json</c>, called with seeded odd input (control characters, invalid UTF-8, huge and
/// wrong-typed values, hostile ids and filters): never a 5xx, and a refused call changes nothing. (The JSON writer cannot
/// write unpaired surrogates; <see cref="TextRulesTests"/> sends them escaped.)
/// </summary>
public sealed class OpenApiFuzzTests
{
    const int Seed = 16_2026;
    const int CallsPerOperation = 3;
    static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];
    // Streams never answer on their own, and signing out or webhooks with bad signatures test nothing new here.
    static readonly string[] Skipped = ["/api/v1/stream", "/api/v1/events", "/api/v1/events/poll", "/api/v1/auth/logout"];

    static readonly string[] Strings =
    [
        "", "a", "hello", "\u0000", "a\u0000b", "\u0007bell", "\u007f", "\u0085", "\u200b\u200d", "\ufeff",
        "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "-1", "1e309", "null", "😀", "x@y.z",
        new string('x', 5000), "\t\n\r", "https://example.com/", "http://127.0.0.1/",
    ];

    [Theory, BothDatabases]
    public async Task OddInputToEveryOperationNeverFailsTheServerAndRefusalsWriteNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var random = new Random(Seed);
        var admin = ws.Admin;
        var failures = new List<string>();

        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => !Skipped.Contains(p.Name.TrimEnd('/'))))
        foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
        for (var call = 0; call < CallsPerOperation; call++)
        {
            var url = Url(path.Name, operation.Value, visitor.ConversationId, random);
            var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url);
            if (operation.Value.TryGetProperty("requestBody", out var body)) request.Content = Body(body, schemas, random);
            var client = random.Next(4) == 0 ? visitor.Client : admin;
            var before = await DatabaseFingerprint.TakeAsync(app);
            var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var name = $"{operation.Name.ToUpperInvariant()} {url}";
            if (status >= 500) failures.Add($"{name}: {status} {await response.Content.ReadAsStringAsync()}");
            else if (status >= 400 && before != await DatabaseFingerprint.TakeAsync(app)) failures.Add($"{name}: refused with {status} but changed the database");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    static string Url(string template, JsonElement operation, long conversationId, Random random)
    {
        var url = new StringBuilder(System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)\}", _ =>
            random.Next(3) switch { 0 => conversationId.ToString(System.Globalization.CultureInfo.InvariantCulture), 1 => "1", _ => Pick(["0", "-1", "999999999", "abc"], random) }));
        var separator = '?';
        if (operation.TryGetProperty("parameters", out var parameters))
            foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"))
            {
                if (random.Next(2) == 0) continue;
                url.Append(separator).Append(Uri.EscapeDataString(parameter.GetProperty("name").GetString()!)).Append('=').Append(EscapeLoosely(Pick(Strings, random)));
                separator = '&';
            }
        return url.ToString();
    }

    static HttpContent Body(JsonElement requestBody, JsonElement schemas, Random random)
    {
        var roll = random.Next(10);
        if (roll == 0) return Raw("{\"text\":\"", [0xC3, 0x28], "\"}"); // invalid UTF-8
        if (roll == 1) return new StringContent("{\"broken\":", Encoding.UTF8, "application/json");
        var schema = requestBody.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
            && json.TryGetProperty("schema", out var s) ? s : default;
        return new StringContent(Value(schema, schemas, random, 0)?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
    }

    static JsonNode? Value(JsonElement schema, JsonElement schemas, Random random, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > 4) return Pick(Strings, random);
        if (schema.TryGetProperty("$ref", out var reference))
            return Value(schemas.GetProperty(reference.GetString()!.Split('/')[^1]), schemas, random, depth + 1);
        if (random.Next(8) == 0) return random.Next(2) == 0 ? null : JsonValue.Create(42); // the wrong type, or null
        var type = schema.TryGetProperty("type", out var t) ? (t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().First(x => x.GetString() != "null").GetString() : t.GetString()) : "object";
        switch (type)
        {
            case "integer":
            case "number":
                return JsonValue.Create(Pick([0L, 1L, -1L, long.MaxValue, long.MinValue, 999999999L], random));
            case "boolean":
                return JsonValue.Create(random.Next(2) == 0);
            case "array":
                var array = new JsonArray();
                for (var i = random.Next(3); i > 0; i--) array.Add(Value(schema.TryGetProperty("items", out var items) ? items : default, schemas, random, depth + 1));
                return array;
            case "object":
                var node = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                    foreach (var property in properties.EnumerateObject())
                        // The admin keeps their password, so the run goes on as the admin.
                        node[property.Name] = property.Name == "password" ? TestWorkspace.Password : Value(property.Value, schemas, random, depth + 1);
                if (random.Next(3) == 0) node["unknown\u0000"] = Pick(Strings, random);
                return node;
            default:
                return Pick(Strings, random);
        }
    }

    /// <summary>Query values as a careless client sends them: reserved characters escaped, a literal <c>%00</c> kept.</summary>
    static string EscapeLoosely(string value) => value == "%00" ? value : Uri.EscapeDataString(value);

    static T Pick<T>(IReadOnlyList<T> values, Random random) => values[random.Next(values.Count)];

    static ByteArrayContent Raw(string head, byte[] middle, string tail)
    {
        var content = new ByteArrayContent([.. Encoding.UTF8.GetBytes(head), .. middle, .. Encoding.UTF8.GetBytes(tail)]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
