using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Switchboard.Client.Api;
using Switchboard.Client.Streaming;
using Switchboard.Cluster.Tests.Clients;
using Switchboard.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// Three Switchboard processes on one PostgreSQL behind nginx (round-robin, no sticky sessions). Visitors and operators
/// stream over WebSocket and SSE and chat through the balancer; one node is killed with SIGKILL under load, its clients
/// reconnect through the balancer and resume from their cursors. Checked against the database at the end.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    const int NodeCount = 3;
    const int VisitorCount = 6;
    const int MessagesPerVisitor = 12;
    const int OperatorCount = 2;
    const int RepliesPerOperator = 12;
    const string Password = "cluster-password-1";
    // Bounds, not expectations: alone on 2 cores the test takes well under a minute (see the figures it prints).
    static readonly TimeSpan Whole = TimeSpan.FromMinutes(4);
    static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EveryAcknowledgedMessageReachesEveryViewerOnceAndInOrderWhileANodeIsKilled()
    {
        using var whole = new CancellationTokenSource(Whole);
        var folder = Directory.CreateTempSubdirectory("sb-cluster-").FullName;
        // nginx's workers drop root privileges: they must reach their folder inside this one.
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var clock = Stopwatch.StartNew();
        await using var database = await ClusterDatabase.CreateAsync();
        // The database as an older build left it: at migration 1. The nodes, a newer build started all at once, race to
        // apply the rest; each must be applied exactly once (a second attempt would fail its node's start).
        var migrated = await SwitchboardNode.RunCommandAsync(database.ConnectionString, "migrate", "--to", "1");
        Assert.Equal(1, LastJson(migrated).GetProperty("version").GetInt32());

        var nodes = new List<SwitchboardNode>();
        var streams = new List<(StreamClient Client, Task Running, long? VisitorContact)>();
        using var stopStreams = CancellationTokenSource.CreateLinkedTokenSource(whole.Token);
        try
        {
            nodes.AddRange(await Task.WhenAll(Enumerable.Range(0, NodeCount).Select(_ => SwitchboardNode.StartAsync(database.ConnectionString, folder))));
            var migrationsBefore = await MigrationsAsync(database);
            // As a hosting operator would, beside the running nodes: the workspace command (its migrations are all applied).
            var created = await SwitchboardNode.RunCommandAsync(database.ConnectionString,
                "workspace", "create", "--name", "Cluster", "--admin-email", "admin@cluster.test", "--admin-password", Password);
            var workspace = LastJson(created);
            var workspaceId = workspace.GetProperty("workspaceId").GetInt64();
            Assert.Equal(migrationsBefore, await MigrationsAsync(database));
            await using var balancer = await Balancer.StartAsync(nodes, Path.Combine(folder, "nginx"));
            output.WriteLine($"started PostgreSQL database, {NodeCount} nodes and nginx in {clock.ElapsedMilliseconds} ms");

            // Visitors (widget sessions) and operators, every request and stream through the balancer.
            var visitors = new List<(SwitchboardApiClient Api, long ContactId, long ConversationId)>();
            for (var i = 0; i < VisitorCount; i++)
            {
                var api = new SwitchboardApiClient(Http(balancer, out _));
                var session = await api.StartWidgetSessionAsync(workspace.GetProperty("widgetToken").GetString()!, $"Visitor {i}", cancellationToken: whole.Token);
                var conversation = await api.StartWidgetConversationAsync(whole.Token);
                visitors.Add((api, session.ContactId, conversation.Conversation.Id));
                streams.Add(Stream(balancer, $"visitor {i}", session.Token, webSocket: i % 2 == 0, session.ContactId, stopStreams.Token));
            }
            var operators = new List<SwitchboardApiClient>();
            for (var i = 0; i < OperatorCount; i++)
            {
                var api = new SwitchboardApiClient(Http(balancer, out _));
                var login = await api.LoginAsync("admin@cluster.test", Password, whole.Token);
                operators.Add(api);
                streams.Add(Stream(balancer, $"operator {i}", login.Token, webSocket: i % 2 == 0, null, stopStreams.Token));
            }
            // Every stream is open before the chat starts (each would resume from cursor 0 anyway).
            await Task.WhenAll(streams.Select(s => s.Client.FirstConnection)).WaitAsync(Delivery);
            var firstNodes = streams.Select(s => s.Client.Node).Distinct().Count();

            // The chat: visitors write in their conversations, operators answer in all of them; every send retries with its id.
            var acknowledged = new ConcurrentBag<Acknowledged>();
            var total = VisitorCount * MessagesPerVisitor + OperatorCount * RepliesPerOperator;
            var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var senders = new List<MessageSender>();
            async Task ChatAsync(MessageSender sender, Func<int, long> conversationOf, int count)
            {
                for (var m = 0; m < count; m++)
                {
                    acknowledged.Add(await sender.SendAsync(conversationOf(m), $"{sender.Name} message {m}", whole.Token));
                    if (acknowledged.Count >= total / 3) third.TrySetResult();
                }
            }
            var chatting = new List<Task>();
            for (var i = 0; i < VisitorCount; i++)
            {
                var sender = new MessageSender($"visitor{i}", visitors[i].Api);
                var conversationId = visitors[i].ConversationId;
                senders.Add(sender);
                chatting.Add(Task.Run(() => ChatAsync(sender, _ => conversationId, MessagesPerVisitor)));
            }
            for (var i = 0; i < OperatorCount; i++)
            {
                var sender = new MessageSender($"operator{i}", operators[i]);
                var offset = i;
                senders.Add(sender);
                chatting.Add(Task.Run(() => ChatAsync(sender, m => visitors[(m + offset) % VisitorCount].ConversationId, RepliesPerOperator)));
            }

            // Under load: kill the node holding the most streams, without warning.
            await third.Task.WaitAsync(whole.Token);
            var victim = nodes.OrderByDescending(n => streams.Count(s => s.Client.Node == n.Address)).First();
            var victims = streams.Where(s => s.Client.Node == victim.Address).Select(s => (s.Client, s.Client.Connections)).ToList();
            var killedAt = clock.ElapsedMilliseconds;
            await victim.KillAsync();
            output.WriteLine($"killed {victim.Address} (SIGKILL) after {acknowledged.Count} of {total} messages acknowledged; {victims.Count} streams were on it");

            await Task.WhenAll(chatting).WaitAsync(whole.Token);
            var chatDone = clock.ElapsedMilliseconds;

            // Every viewer catches up with the log: the team sees every event, a visitor its own conversation's public ones.
            var head = await HeadAsync(database, workspaceId);
            foreach (var (client, _, contact) in streams)
            {
                var expected = await VisibleSeqsAsync(database, workspaceId, head, contact);
                if (expected.Count > 0) await client.WaitForAsync(expected[^1], Delivery);
                Assert.Empty(client.Violations);
                Assert.Equal(expected, client.Applied.Where(seq => seq <= head).ToList());
            }
            var caughtUp = clock.ElapsedMilliseconds;

            // Every acknowledged message is stored once (retries with the same id created nothing more), and was delivered
            // to the whole team and to its conversation's visitor.
            var stored = (await QueryAsync<(string Id, long Count)>(database,
                "SELECT client_message_id, COUNT(*) FROM messages WHERE workspace_id = @workspaceId AND client_message_id LIKE '%-%' GROUP BY client_message_id",
                new { workspaceId })).ToDictionary(r => r.Id, r => r.Count);
            Assert.Equal(total, acknowledged.Count);
            Assert.Equal(acknowledged.Select(a => a.ClientMessageId).Order(), stored.Keys.Where(k => k.StartsWith("visitor") || k.StartsWith("operator")).Order());
            Assert.All(stored.Values, count => Assert.Equal(1, count));
            foreach (var ack in acknowledged)
            {
                foreach (var (client, _, contact) in streams.Where(s => s.VisitorContact is null)) Assert.Contains(ack.Seq, client.Applied);
                var visitor = visitors.Single(v => v.ConversationId == ack.ConversationId);
                Assert.Contains(ack.Seq, streams.Single(s => s.VisitorContact == visitor.ContactId).Client.Applied);
            }
            // The killed node's clients came back through the balancer (on the other nodes) and resumed.
            Assert.NotEmpty(victims);
            Assert.All(victims, v => Assert.True(v.Client.Connections > v.Connections, $"{v.Client.Name} never reconnected"));
            Assert.True(firstNodes >= 2, $"the balancer sent every stream to one node ({firstNodes})");

            // A node restarted on the migrated database applies no migration again.
            await victim.StartAsync();
            Assert.Equal(migrationsBefore, await MigrationsAsync(database));

            output.WriteLine($"streams first spread over {firstNodes} nodes; {total} messages acknowledged in {chatDone - killedAt} ms after the kill " +
                $"({senders.Sum(s => s.Retries)} retried sends); every viewer caught up {caughtUp - chatDone} ms after the last acknowledgement; " +
                $"reconnections {string.Join(", ", victims.Select(v => $"{v.Client.Name}: {v.Client.Connections - v.Connections}"))}; head seq {head}; " +
                $"whole test {clock.ElapsedMilliseconds} ms");
        }
        catch
        {
            foreach (var node in nodes) output.WriteLine($"--- {node.Address}:\n{node.Tail()}");
            throw;
        }
        finally
        {
            await stopStreams.CancelAsync();
            await Task.WhenAll(streams.Select(s => s.Running)).WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { });
            foreach (var node in nodes) await node.DisposeAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    static HttpClient Http(Balancer balancer, out NodeTracker tracker)
    {
        tracker = new NodeTracker();
        // Streams never end on their own: no client-wide timeout; each send has its own bound through its token.
        return new HttpClient(tracker) { BaseAddress = balancer.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    static (StreamClient, Task, long?) Stream(Balancer balancer, string name, string token, bool webSocket, long? visitorContact, CancellationToken cancellationToken)
    {
        var http = Http(balancer, out var tracker);
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        IEventStreamTransport transport = webSocket
            ? new WebSocketTransport(balancer.BaseAddress, (uri, ct) => tracker.ConnectWebSocketAsync(uri, token, ct))
            : new SseTransport(http);
        var client = new StreamClient($"{name} ({transport.Name})", transport, tracker);
        return (client, Task.Run(() => client.RunAsync(cancellationToken)), visitorContact);
    }

    static async Task<List<long>> VisibleSeqsAsync(ClusterDatabase database, long workspaceId, long head, long? visitorContact) =>
        (await QueryAsync<long>(database, visitorContact is null
            ? "SELECT seq FROM events WHERE workspace_id = @workspaceId AND seq <= @head ORDER BY seq"
            : "SELECT seq FROM events WHERE workspace_id = @workspaceId AND seq <= @head AND contact_id = @visitorContact AND public_payload IS NOT NULL ORDER BY seq",
            new { workspaceId, head, visitorContact })).ToList();

    static async Task<long> HeadAsync(ClusterDatabase database, long workspaceId) =>
        (await QueryAsync<long>(database, "SELECT last_seq FROM workspaces WHERE id = @workspaceId", new { workspaceId })).Single();

    /// <summary>A command's JSON answer: its last line (log lines may come before it).</summary>
    static JsonElement LastJson(string output) =>
        JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith('{'))).RootElement;

    static async Task<string> MigrationsAsync(ClusterDatabase database) =>
        string.Join('\n', await QueryAsync<string>(database, "SELECT version || ' ' || name || ' ' || applied_at FROM schema_migrations ORDER BY version", null));

    static async Task<IEnumerable<T>> QueryAsync<T>(ClusterDatabase database, string sql, object? parameters)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QueryAsync<T>(sql, parameters);
    }
}
