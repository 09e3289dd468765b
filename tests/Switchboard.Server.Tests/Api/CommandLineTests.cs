using Switchboard.Server.Hosting;

namespace Switchboard.Server.Tests.Api;

public sealed class CommandLineTests
{
    [Fact]
    public void DocumentedSwitchesMapOntoConfiguration() => Assert.Equal(
        ["--Database:DataDirectory=/tmp/d", "--Database:Provider=postgres", "--Database:ConnectionString=Host=x;Port=5", "--Demo:Password=pw", "--Demo:Enabled=false", "--urls", "http://127.0.0.1:1"],
        CommandLine.Normalize(["--data", "/tmp/d", "--database=postgres", "--connection-string", "Host=x;Port=5", "--demo-password", "pw", "--no-demo", "--urls", "http://127.0.0.1:1"]));

    [Fact]
    public void ASwitchWithoutItsValueIsAnError() =>
        Assert.Throws<ArgumentException>(() => CommandLine.Normalize(["--data"]));
}
