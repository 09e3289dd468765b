using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Observability;

/// <summary>
/// <c>Logging:Console:FormatterName=json</c> makes the console log one JSON object a line; without it the log is
/// unchanged. The line is written by the host's own formatter, as the console logger would (stdout is shared by the
/// tests running alongside, so it is not read here).
/// </summary>
public sealed class JsonLogsTests
{
    [Fact]
    public async Task JsonFormatterWritesOneJsonObjectALine()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, extra: new() { ["Logging:Console:FormatterName"] = "json" });
        var line = Format(app, "Job 7 (whatsapp.send) succeeded");

        Assert.DoesNotContain('\n', line.TrimEnd('\n'));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("Information", json.RootElement.GetProperty("LogLevel").GetString());
        Assert.Equal("Switchboard.Jobs.JobWorker", json.RootElement.GetProperty("Category").GetString());
        Assert.Equal(2001, json.RootElement.GetProperty("EventId").GetInt32());
        Assert.Equal("Job 7 (whatsapp.send) succeeded", json.RootElement.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task PlainTextStaysTheDefault()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var line = Format(app, "plain");
        Assert.StartsWith("info: Switchboard.Jobs.JobWorker[2001]", line, StringComparison.Ordinal);
    }

    static string Format(TestApp app, string message)
    {
        var name = app.Service<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName ?? ConsoleFormatterNames.Simple;
        var formatter = app.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == name);
        using var writer = new StringWriter();
        var entry = new LogEntry<string>(LogLevel.Information, "Switchboard.Jobs.JobWorker", new EventId(2001), message, null, (state, _) => state);
        formatter.Write(entry, scopeProvider: null, writer);
        return writer.ToString();
    }
}
