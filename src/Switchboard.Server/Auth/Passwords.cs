using Microsoft.AspNetCore.Identity;

namespace Switchboard.Server.Auth;

/// <summary>Password hashes from ASP.NET Core Identity's hasher (PBKDF2, versioned format).</summary>
public static class Passwords
{
    public const int MinLength = 8;
    static readonly PasswordHasher<object> Hasher = new();
    static readonly object User = new();
    // Checking a password of an unknown email against this keeps login timing the same either way.
    static readonly string DummyHash = Hasher.HashPassword(User, "not-a-real-password");

    public static string Hash(string password) => Hasher.HashPassword(User, password);

    public static bool Verify(string? hash, string password) =>
        Hasher.VerifyHashedPassword(User, hash ?? DummyHash, password) != PasswordVerificationResult.Failed && hash is not null;
}
