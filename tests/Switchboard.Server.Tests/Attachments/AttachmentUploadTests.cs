using System.Net;
using Dapper;
using Switchboard.Server.Attachments;
using Switchboard.Server.Errors;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Attachments;

/// <summary>Uploads store once, refuse by their bytes, stop at the limit and leave nothing behind when they fail.</summary>
public sealed class AttachmentUploadTests
{
    [Theory, BothDatabases]
    public async Task ARetriedUploadStoresOnceAndACutOffOneLeavesNothing(DatabaseKind db)
    {
        await using var env = await AttachmentEnv.StartAsync(db);
        var visitor = env.Visitor;
        var bytes = TestFiles.Text(string.Concat(Enumerable.Repeat("Order 4711, delivered damaged.\n", 2000)));

        // Cut off mid-way: nothing is stored, no temp file stays.
        var cut = new AttachmentClient.CutOffContent(bytes[..1000], bytes.Length);
        await Assert.ThrowsAnyAsync<Exception>(() => visitor.Client.TryUploadAsync(visitor.ConversationId, "up-1", cut, "notes.txt"));
        await WaitUntilAsync(() => env.TempFiles.Count == 0);
        Assert.Equal(0, await CountAsync(env, "attachments"));

        // The retry stores it; a replay (same id, same bytes) answers 200 with the same attachment and stores nothing more.
        var first = await visitor.Client.UploadAsync(visitor.ConversationId, "up-1", bytes, "notes.txt", "text/plain");
        var replay = await visitor.Client.UploadAsync(visitor.ConversationId, "up-1", bytes, "notes.txt", "text/plain", HttpStatusCode.OK);
        Assert.Equal((first.Id, "text/plain"), (replay.Id, replay.ContentType));
        // The same bytes under another id: a second attachment sharing the one blob.
        var again = await visitor.Client.UploadAsync(visitor.ConversationId, "up-2", bytes, "copy.txt");
        Assert.NotEqual(first.Id, again.Id);
        Assert.Equal((2L, 1L), (await CountAsync(env, "attachments"), await CountAsync(env, "blobs")));
        Assert.Empty(env.TempFiles);

        // The same id with other bytes is a client bug.
        await (await visitor.Client.TryUploadAsync(visitor.ConversationId, "up-1", TestFiles.Pdf, "other.pdf"))
            .AssertProblemAsync(HttpStatusCode.Conflict, AttachmentErrors.IdConflict);
    }

    public static TheoryData<DatabaseKind, string, string, string, string> Refused => new()
    {
        { DatabaseKind.Sqlite, "html named .png", "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>", "photo.png", "image/png" },
        { DatabaseKind.Sqlite, "svg with script", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "logo.svg", "image/svg+xml" },
        { DatabaseKind.Sqlite, "xml", "<?xml version=\"1.0\"?><a>b</a>", "data.txt", "text/plain" },
        { DatabaseKind.Sqlite, "executable", "MZ\u0090\0\u0003\0\0\0\u0004\0\0\0\u00ff\u00ff\0\0This program cannot be run in DOS mode.", "setup.pdf", "application/pdf" },
        { DatabaseKind.Sqlite, "shell script", "#!/bin/sh\nrm -rf ~\n", "readme.txt", "text/plain" },
        { DatabaseKind.Postgres, "html named .png", "<html><script>alert(1)</script></html>", "photo.png", "image/png" },
        { DatabaseKind.Postgres, "svg with script", "  <svg onload=\"alert(1)\"/>", "logo.png", "image/png" },
    };

    [Theory, MemberData(nameof(Refused))]
    public async Task AFileIsJudgedByItsBytesAndRefusedUnlessAllowed(DatabaseKind db, string what, string body, string name, string declared)
    {
        await using var env = await AttachmentEnv.StartAsync(db);
        var bytes = System.Text.Encoding.Latin1.GetBytes(body);
        var code = await (await env.Visitor.Client.TryUploadAsync(env.Visitor.ConversationId, "bad", bytes, name, declared))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.True(code == AttachmentErrors.TypeNotAllowed, what);
        Assert.Equal((0L, 0L), (await CountAsync(env, "attachments"), await CountAsync(env, "blobs")));
        Assert.Empty(env.TempFiles);
    }

    [Theory, BothDatabases]
    public async Task AFileOverTheWorkspacesLimitIsRefusedWhetherItSaysSoUpFrontOrNot(DatabaseKind db)
    {
        await using var env = await AttachmentEnv.StartAsync(db);
        var (ws, visitor) = (env.Workspace, env.Visitor);
        const long limit = 1024 * 1024;
        await (await ws.Admin.PatchJsonAsync("/api/v1/workspace", new { attachmentMaxBytes = limit })).ReadAsync<object>();
        await (await ws.Admin.PatchJsonAsync("/api/v1/workspace", new { attachmentMaxBytes = 100 })).AssertProblemAsync(HttpStatusCode.BadRequest, "attachment_max_bytes_invalid");
        var config = await env.App.CreateClient().GetAsync<Switchboard.Server.Widget.WidgetConfigResponse>($"/api/v1/widget/config?inboxToken={ws.Inbox.PublicToken}");
        Assert.Equal(limit, config.AttachmentMaxBytes);

        var big = new byte[limit + 1];
        Array.Fill(big, (byte)'a');
        // With a Content-Length: refused before the body is read.
        await (await visitor.Client.TryUploadAsync(visitor.ConversationId, "big", big, "big.txt")).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, AttachmentErrors.TooLarge);
        // Without one (chunked): stopped while streaming.
        var chunked = new StreamContent(new MemoryStream(big));
        chunked.Headers.ContentLength = null;
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/conversations/{visitor.ConversationId}/attachments/big?name=big.txt") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await (await visitor.Client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, AttachmentErrors.TooLarge);
        await WaitUntilAsync(() => env.TempFiles.Count == 0);
        Assert.Equal(0L, await CountAsync(env, "attachments"));
        // At the limit exactly, it is taken.
        await visitor.Client.UploadAsync(visitor.ConversationId, "fits", big[..(int)limit], "fits.txt");
        await (await visitor.Client.TryUploadAsync(visitor.ConversationId, "empty", [], "empty.txt")).AssertProblemAsync(HttpStatusCode.BadRequest, AttachmentErrors.Empty);
    }

    [Theory, BothDatabases]
    public async Task HostileNamesAreCleanedOrRefused(DatabaseKind db)
    {
        await using var env = await AttachmentEnv.StartAsync(db);
        var (client, id) = (env.Visitor.Client, env.Visitor.ConversationId);
        var bytes = TestFiles.Text("hello");

        Assert.Equal("passwd", (await client.UploadAsync(id, "n1", bytes, "../../etc/passwd")).FileName);
        Assert.Equal("evil.txt", (await client.UploadAsync(id, "n2", bytes, "..\\..\\windows\\evil.txt")).FileName);
        // The right-to-left override would show "invoice\u202Etxt.exe" as "invoiceexe.txt": it is removed.
        Assert.Equal("invoicetxt.exe", (await client.UploadAsync(id, "n3", bytes, "invoice\u202Etxt.exe")).FileName);
        await (await client.TryUploadAsync(id, "n4", bytes, new string('a', 1000) + ".txt")).AssertProblemAsync(HttpStatusCode.BadRequest, AttachmentErrors.NameInvalid);
        await (await client.TryUploadAsync(id, "n5", bytes, "line\nbreak.txt")).AssertProblemAsync(HttpStatusCode.BadRequest, AttachmentErrors.NameInvalid);
        await (await client.TryUploadAsync(id, "n6", bytes, "bell\u0007.txt")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.TryUploadAsync(id, "n7", bytes, "  ")).AssertProblemAsync(HttpStatusCode.BadRequest, AttachmentErrors.NameInvalid);
        await (await client.TryUploadAsync(id, "bad id!", bytes, "a.txt")).AssertProblemAsync(HttpStatusCode.BadRequest, AttachmentErrors.IdInvalid);
        Assert.Empty(env.TempFiles);
    }

    static Task<long> CountAsync(AttachmentEnv env, string table) =>
        env.App.Database.ReadAsync((c, tx) => c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}", transaction: tx), CancellationToken.None);

    /// <summary>A request's handler may still be unwinding after its client gave up: wait (bounded) for what it must leave.</summary>
    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            Assert.False(timeout.IsCancellationRequested, "The condition did not hold within 10 s.");
            await Task.Delay(20, CancellationToken.None);
        }
    }
}
