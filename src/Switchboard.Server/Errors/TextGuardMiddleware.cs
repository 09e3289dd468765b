using System.Text.Json;
using System.Text.Unicode;
using Switchboard.Core.Text;

namespace Switchboard.Server.Errors;

/// <summary>
/// Applies <see cref="TextRules"/> at the edge, before any endpoint reads the request: a query parameter or a JSON body
/// (any property, known to the endpoint or not) holding a refused control character, an unpaired surrogate or invalid
/// UTF-8 is answered <c>400 text_invalid</c>, naming the field, and nothing runs. One rule for every endpoint, so
/// SQLite and PostgreSQL (which cannot store U+0000) never see such text.
/// </summary>
sealed class TextGuardMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        // A signed webhook is checked byte for byte and its channel strips what it cannot store.
        if (context.GetEndpoint()?.Metadata.GetMetadata<RawTextBody>() is not null) return next(context);
        if (FindInQuery(context.Request) is { } refusal) return RefuseAsync(context, refusal);
        // Handed over without an async frame of this middleware's own when there is no body to read: a stream's request
        // lasts hours, and such a frame would stay alive with it, once per open stream.
        return HasJsonBody(context.Request) ? CheckBodyAsync(context) : next(context);
    }

    async Task CheckBodyAsync(HttpContext context)
    {
        if (await FindInBodyAsync(context.Request) is { } refusal)
        {
            await RefuseAsync(context, refusal);
            return;
        }
        await next(context);
    }

    static Task RefuseAsync(HttpContext context, Refusal refusal) =>
        Problems.WriteAsync(context, 400, ErrorCodes.TextInvalid, refusal.Detail, new Dictionary<string, object?> { ["field"] = refusal.Field });

    static Refusal? FindInQuery(HttpRequest request)
    {
        foreach (var (key, values) in request.Query)
        {
            if (TextRules.IndexOfRefused(key) >= 0) return Refusal.Control(key);
            foreach (var value in values)
                if (value is not null && TextRules.IndexOfRefused(value) >= 0) return Refusal.Control(key);
        }
        return null;
    }

    static async Task<Refusal?> FindInBodyAsync(HttpRequest request)
    {
        // Bodies are small (BodySizeLimitMiddleware ran first), so the whole body is read once and replayed to the endpoint.
        request.EnableBuffering();
        byte[] body;
        using (var copy = new MemoryStream())
        {
            await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
            body = copy.ToArray();
        }
        request.Body.Position = 0;
        if (!Utf8.IsValid(body)) return new Refusal("body", "The request body is not valid UTF-8.");
        return Scan(body);
    }

    static Refusal? Scan(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var path = "";
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName) path = reader.GetString() ?? "";
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
                // Only an escape (\u0000, \ud800) can carry a control character or a lone surrogate: raw ones are not JSON.
                if (TextRules.IndexOfRefused(reader.GetString() ?? "") >= 0) return Refusal.Control(path);
            }
        }
        catch (InvalidOperationException)
        {
            return Refusal.Control(path);
        }
        catch (JsonException)
        {
            // Malformed JSON is the endpoint's to refuse (400 invalid_request, with where it broke).
        }
        return null;
    }

    static bool HasJsonBody(HttpRequest request) => request.ContentType is { } type && IsJson(type) && request.ContentLength != 0;

    static bool IsJson(string contentType) =>
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);

    sealed record Refusal(string Field, string Detail)
    {
        public static Refusal Control(string field) => new(field,
            $"'{field}' holds a control character (other than tab and line breaks) or an unpaired surrogate, which is not text.");
    }
}
