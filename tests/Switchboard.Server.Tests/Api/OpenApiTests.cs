using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Api;

/// <summary>The OpenAPI document lists the error answers of every endpoint, not only its successes.</summary>
public sealed class OpenApiTests
{
    static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task EveryOperationListsItsErrorAnswersAndEveryAuthenticatedOneA401()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var authenticated = AuthenticatedOperations(app);

        var documented = new HashSet<string>();
        var missing = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
        {
            var name = $"{operation.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}";
            documented.Add(name);
            var statuses = operation.Value.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            if (!statuses.Any(s => s.StartsWith('4'))) missing.Add($"{name}: no 4xx");
            if (authenticated.Contains(name) && !statuses.Contains("401")) missing.Add($"{name}: no 401");
        }
        Assert.True(authenticated.Count > 30, $"only {authenticated.Count} authenticated operations found");
        // Every authenticated endpoint is in the document under the same name, so the 401 rule above covered it.
        Assert.Empty(authenticated.Except(documented));
        Assert.Empty(missing);
    }

    /// <summary>"METHOD /path" of every endpoint that needs a signed-in caller, with route constraints dropped as OpenAPI drops them.</summary>
    static HashSet<string> AuthenticatedOperations(TestApp app) =>
        app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                $"{m} {System.Text.RegularExpressions.Regex.Replace("/" + e.RoutePattern.RawText!.TrimStart('/'), @"\{(\w+):[^}]+\}", "{$1}").TrimEnd('/')}"))
            .ToHashSet();
}
