using System.Net;
using System.Text;
using System.Text.Json;
using Switchboard.Client.Api;
using Switchboard.Client.Attachments;
using Switchboard.Client.Models;
using Switchboard.Client.Sync;

namespace Switchboard.Client.Tests;

/// <summary>The .NET SDK's attachment calls against a handler that records what it was sent.</summary>
public sealed class AttachmentApiTests
{
    const string Stored = """{"id":12,"clientAttachmentId":"a-1","conversationId":5,"fileName":"receipt.pdf","contentType":"application/pdf","size":5,"width":null,"height":null,"hasThumbnail":false,"status":"ready","error":null}""";

    [Fact]
    public async Task UploadStreamsTheRawBytesWithTheDeclaredTypeAndLeavesTheStreamToTheCaller()
    {
        var handler = new RecordingHandler(HttpStatusCode.Created, Stored);
        var api = new SwitchboardApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://sb.test") });
        using var file = new MemoryStream("%PDF-"u8.ToArray());

        var stored = await api.UploadAttachmentAsync(5, "a-1", file, "my receipt.pdf", "application/pdf");

        Assert.Equal(12, stored.Id);
        Assert.Equal(HttpMethod.Put, handler.Method);
        Assert.Equal("/api/v1/conversations/5/attachments/a-1?name=my%20receipt.pdf", handler.PathAndQuery);
        Assert.Equal("application/pdf", handler.ContentType);
        Assert.Equal(5, handler.ContentLength); // known up front: the server can refuse a file over its limit before reading it
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(handler.Body));
        Assert.False(handler.Buffered, "streamed, not a buffered byte array");
        Assert.True(file.CanRead, "the caller's stream stays open");
    }

    [Fact]
    public async Task ARefusedUploadThrowsTheServersCode()
    {
        var handler = new RecordingHandler(HttpStatusCode.UnsupportedMediaType, """{"status":415,"code":"attachment_type_not_allowed"}""");
        var api = new SwitchboardApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://sb.test") });
        var e = await Assert.ThrowsAsync<SwitchboardApiException>(() => api.UploadAttachmentAsync(5, "a-1", new MemoryStream([1, 2]), "x.html", "text/html"));
        Assert.Equal(415, e.Status);
        Assert.Equal("attachment_type_not_allowed", e.Code);
    }

    [Fact]
    public async Task TheStoresUploadRequestReportsProgressAndReadsTheAnswer()
    {
        var handler = new RecordingHandler(HttpStatusCode.Created, Stored);
        var api = new SwitchboardApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://sb.test") });
        var core = new LiveStoreCore();
        core.LoadSnapshot(new SnapshotDto { Cursor = 1 });
        var size = 300_000;
        core.SendMessage(5, "", new SendMessageOptions { Files = [new AttachmentFile("big.bin", "", size, () => new MemoryStream(new byte[size])) { ClientAttachmentId = "a-1" }] });
        var request = Assert.Single(core.TakeDueRequests(DateTimeOffset.UnixEpoch));
        var progress = new List<double>();

        var (status, body) = await api.SendUploadAsync(request, new ListProgress(progress));

        Assert.Equal(201, status);
        Assert.Equal(12, body.GetProperty("id").GetInt32());
        Assert.Equal("application/octet-stream", handler.ContentType);
        Assert.Equal(size, handler.Body.Length);
        Assert.Equal(1, progress[^1]);
        Assert.True(progress.Count is > 1 and <= 101, $"{progress.Count} reports: whole percents at most");
    }

    [Fact]
    public async Task TheLinkIsRead()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"url":"/api/v1/attachments/12/content?v=original","thumbnailUrl":null,"expiresAt":"2026-12-03T14:00:00+00:00"}""");
        var api = new SwitchboardApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://sb.test") });
        var link = await api.GetAttachmentLinkAsync(5, 12);
        Assert.Equal("/api/v1/conversations/5/attachments/12/link", handler.PathAndQuery);
        Assert.Equal(new AttachmentLink("/api/v1/attachments/12/content?v=original", null, DateTimeOffset.Parse("2026-12-03T14:00:00+00:00")), link);
    }

    [Theory]
    [InlineData("""{"id":1,"conversationId":1,"clientMessageId":"c"}""")]
    [InlineData("""{"id":1,"conversationId":1,"clientMessageId":"c","attachments":null}""")]
    public void AMessageWithoutAttachmentsHasNone(string json) =>
        Assert.Empty(JsonSerializer.Deserialize<MessageDto>(json, SyncJson.Options)!.Attachments);

    sealed class ListProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }

    sealed class RecordingHandler(HttpStatusCode status, string answer) : HttpMessageHandler
    {
        public HttpMethod? Method { get; private set; }
        public string? PathAndQuery { get; private set; }
        public string? ContentType { get; private set; }
        public long? ContentLength { get; private set; }
        public byte[] Body { get; private set; } = [];
        public bool Buffered { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Method = request.Method;
            PathAndQuery = request.RequestUri!.PathAndQuery;
            if (request.Content is { } content)
            {
                Buffered = content is ByteArrayContent;
                ContentType = content.Headers.ContentType?.MediaType;
                ContentLength = content.Headers.ContentLength;
                Body = await content.ReadAsByteArrayAsync(cancellationToken);
            }
            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }
}
