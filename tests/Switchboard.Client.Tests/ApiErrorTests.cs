using System.Net;
using System.Text;
using Switchboard.Client.Api;

namespace Switchboard.Client.Tests;

/// <summary>A refusal reads as the server's problem (code, detail, the wait of a 429); any other body as http_NNN, never an error of its own.</summary>
public sealed class ApiErrorTests
{
    [Fact]
    public async Task ARateLimitedAnswerCarriesTheWaitTheServerAskedFor()
    {
        var e = await RefusedWith(HttpStatusCode.TooManyRequests, """{"status":429,"code":"rate_limited","detail":"Too many requests. Retry in 8 s.","retryAfterSeconds":8}""");
        Assert.Equal((429, "rate_limited", "Too many requests. Retry in 8 s.", 8.0), (e.Status, e.Code, e.Detail, e.RetryAfterSeconds));
    }

    [Theory]
    [InlineData("""{"code":5,"detail":["x"],"retryAfterSeconds":"8"}""")] // fields of another type
    [InlineData("""{"retryAfterSeconds":-1}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""5""")]
    [InlineData("""<html>Bad gateway</html>""")]
    [InlineData("")]
    public async Task ABodyThatIsNotAProblemGivesTheStatusAlone(string body)
    {
        var e = await RefusedWith(HttpStatusCode.BadGateway, body);
        Assert.Equal((502, "http_502", (string?)null, (double?)null), (e.Status, e.Code, e.Detail, e.RetryAfterSeconds));
    }

    static Task<SwitchboardApiException> RefusedWith(HttpStatusCode status, string body)
    {
        var api = new SwitchboardApiClient(new HttpClient(new Answer(status, body)) { BaseAddress = new Uri("http://sb.test") });
        return Assert.ThrowsAsync<SwitchboardApiException>(() => api.LoginAsync("a@example.com", "wrong-password"));
    }

    sealed class Answer(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
