using System.Net.Http.Headers;
using Switchboard.Client;
using Switchboard.Client.Api;
using Switchboard.Client.Streaming;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Sdk;

/// <summary>A started .NET live store over SSE for a signed-in API client (the SDK tests' member side).</summary>
public static class SdkStores
{
    public static async Task<LiveStore> StartAsync(TestApp app, SwitchboardApiClient api)
    {
        var http = app.CreateDefaultClient();
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.Token);
        var store = new LiveStore(api, new SseTransport(http), new LiveStoreOptions());
        await store.StartAsync();
        return store;
    }
}
