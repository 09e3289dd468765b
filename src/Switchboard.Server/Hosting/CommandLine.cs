namespace Switchboard.Server.Hosting;

/// <summary>
/// Maps the documented switches (<c>--data</c>, <c>--database</c>, <c>--connection-string</c>,
/// <c>--demo-password</c>, <c>--no-demo</c>) onto configuration keys. <c>--urls</c> is ASP.NET Core's own.
/// </summary>
public static class CommandLine
{
    static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--data"] = "Database:DataDirectory",
        ["--database"] = "Database:Provider",
        ["--connection-string"] = "Database:ConnectionString",
        ["--demo-password"] = "Demo:Password",
    };

    /// <summary>A command's refusal: the reason on standard error and exit code 2 (nothing was changed).</summary>
    public static int Refuse(TextWriter errors, string message)
    {
        errors.WriteLine(message);
        return 2;
    }

    public static string[] Normalize(string[] args)
    {
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--no-demo") { result.Add("--Demo:Enabled=false"); continue; }
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            if (Switches.TryGetValue(name, out var key))
            {
                var value = eq > 0 ? arg[(eq + 1)..] : i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
                result.Add($"--{key}={value}");
                continue;
            }
            result.Add(arg);
        }
        return [.. result];
    }
}
