using System.Net;
using System.Net.Http.Headers;
using Switchboard.Server.Members;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Hardening;

/// <summary>Sign-ins that overlap what should stop them: a password change, or each other.</summary>
public sealed class LoginRaceTests
{
    /// <summary>
    /// Changing a password signs the member out everywhere, including a sign-in whose (slow, tens of milliseconds)
    /// password check was running with the old password while the change committed. Sign-in and change are started
    /// together round after round, so both orders and the overlap in between occur; whatever the order, a session got
    /// with the old password never works after the change.
    /// </summary>
    [Theory, BothDatabases]
    public async Task ASignInRacingAPasswordChangeNeverOutlivesIt(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var password = TestWorkspace.Password;
        var (signedIn, survived) = (0, new List<int>());
        for (var round = 0; round < 12; round++)
        {
            var next = $"changed-password-{round}";
            var login = app.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = ws.OperatorEmail, password });
            var change = ws.Admin.PatchJsonAsync($"/api/v1/members/{ws.OperatorId}", new { password = next });
            var (loggedIn, changed) = (await login, await change);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            password = next;
            if (loggedIn.StatusCode == HttpStatusCode.Unauthorized) continue;
            Assert.Equal(HttpStatusCode.OK, loggedIn.StatusCode);
            signedIn++;
            var session = app.CreateClient();
            session.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await loggedIn.ReadAsync<LoginResponse>()).Token);
            if ((await session.GetAsync("/api/v1/auth/me")).StatusCode != HttpStatusCode.Unauthorized) survived.Add(round);
        }
        Assert.Empty(survived);
        // Not vacuous: some sign-ins stored their session (6 to 9 of 12 rounds in runs here), so the change raced them.
        Assert.True(signedIn > 0, "Every password change beat its sign-in: nothing was raced.");
        // The member can sign in with the last password.
        await app.LoginAsync(ws.OperatorEmail, password);
    }
}
