namespace Csa.Web.Accounts;

/// <summary>Checks a password against a stored hash: the costly step of a login, done exactly once per attempt.</summary>
public interface IPasswordVerifier
{
    /// <summary>Whether <paramref name="password"/> matches <paramref name="hash"/>.</summary>
    bool Verify(string password, string hash);
}

/// <summary>PBKDF2-SHA256, as <see cref="Core.Security.PasswordHash"/> stores it.</summary>
public sealed class Pbkdf2PasswordVerifier : IPasswordVerifier
{
    /// <inheritdoc/>
    public bool Verify(string password, string hash) => Core.Security.PasswordHash.Verify(password, hash);
}
