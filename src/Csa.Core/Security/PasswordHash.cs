using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Csa.Core.Security;

/// <summary>Password hashing for the atlas's accounts: PBKDF2 with HMAC-SHA256 (.NET's own implementation),
/// 600,000 iterations (OWASP's 2023 figure), a 16-byte random salt and a 32-byte key.</summary>
/// <remarks>Stored as <c>pbkdf2-sha256$iterations$salt$key</c> (base64), so that the iteration count can rise
/// later without breaking older hashes. Verification compares in fixed time. Thread safe.</remarks>
public static class PasswordHash
{
    /// <summary>The iteration count of new hashes.</summary>
    public const int Iterations = 600_000;

    const string Scheme = "pbkdf2-sha256";

    /// <summary>Hashes a password with a new random salt.</summary>
    /// <exception cref="ArgumentException">The password is shorter than 12 characters.</exception>
    public static string Create(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < 12)
        {
            throw new ArgumentException("A password needs at least 12 characters.", nameof(password));
        }

        var salt = RandomNumberGenerator.GetBytes(16);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}");
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="hash"/>; false for a malformed hash.</summary>
    public static bool Verify(string password, string hash)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(hash);
        var parts = hash.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
