using System.Net;
using System.Net.Sockets;

namespace Switchboard.Cluster.Tests.Infrastructure;

static class Ports
{
    /// <summary>A loopback port free right now (the OS picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits (bounded) until <paramref name="url"/> answers 200: the process is up. Polls; nothing else tells.</summary>
    public static async Task WaitHealthyAsync(Uri url, ChildProcess process, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{url.Authority} exited while starting:\n{process.Tail()}");
            try
            {
                using var response = await http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still starting.
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"{url} did not answer 200 within {timeout.TotalSeconds} s:\n{process.Tail()}");
    }
}
