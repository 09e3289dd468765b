using System.Net.Mail;
using System.Text.Json;
using Switchboard.Server.Auth;
using Switchboard.Server.Hosting;
using Switchboard.Server.Members;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Workspaces;

/// <summary>
/// <c>Switchboard.Server workspace create --name N --admin-email E --admin-password P</c>: what a hosting operator runs
/// to give a new team its workspace (an admin and a widget inbox) on the database the other switches name, beside a
/// running server or before the first start. It migrates the schema if needed, prints the new workspace as JSON and
/// exits without starting the server.
/// </summary>
public static class WorkspaceCommand
{
    public static bool IsCommand(string[] args) => args is ["workspace", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        if (args is not ["workspace", "create", .. var rest]) return CommandLine.Refuse(errors, "usage: workspace create --name NAME --admin-email EMAIL --admin-password PASSWORD");
        var values = Options(rest);
        var name = values.GetValueOrDefault("--name")?.Trim();
        var email = values.GetValueOrDefault("--admin-email")?.Trim();
        var password = values.GetValueOrDefault("--admin-password");
        if (string.IsNullOrEmpty(name)) return CommandLine.Refuse(errors, "--name is required.");
        if (email is null || !MailAddress.TryCreate(email, out _)) return CommandLine.Refuse(errors, "--admin-email must be an email address.");
        if (password is null || password.Length < Passwords.MinLength) return CommandLine.Refuse(errors, $"--admin-password needs at least {Passwords.MinLength} characters.");

        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        var database = services.GetRequiredService<Database>();
        await using (var connection = await database.OpenAsync(CancellationToken.None))
            if (await MemberStore.FindByEmailAsync(connection, null, email.ToLowerInvariant(), CancellationToken.None) is not null)
                return CommandLine.Refuse(errors, $"{email} already signs in to a workspace: emails are unique across workspaces.");
        var created = await services.GetRequiredService<WorkspaceProvisioner>().CreateAsync(name,
            [new WorkspaceProvisioner.NewMember(email, "Admin", Roles.Admin, password)], settings: null, CancellationToken.None);
        output.WriteLine(JsonSerializer.Serialize(new
        {
            workspaceId = created.WorkspaceId,
            adminId = created.MemberIds[0],
            adminEmail = email.ToLowerInvariant(),
            inboxId = created.Inbox.Id,
            widgetToken = created.Inbox.PublicToken,
        }, JsonDefaults.Options));
        return 0;
    }

    static Dictionary<string, string> Options(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2) values[args[i]] = args[i + 1];
        return values;
    }
}
