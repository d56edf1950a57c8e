namespace Csa.Core.Security;

/// <summary>What an atlas account's name and password may be. Limits on length keep hostile logins (megabyte names) cheap
/// to refuse; a name that breaks these rules cannot belong to an account, so refusing it says nothing about which accounts exist.</summary>
public static class AccountName
{
    /// <summary>The longest name, in characters.</summary>
    public const int MaxLength = 64;

    /// <summary>The longest password, in characters.</summary>
    public const int MaxPasswordLength = 1024;

    /// <summary>The shortest password, in characters.</summary>
    public const int MinPasswordLength = 12;

    /// <summary>Why <paramref name="name"/> cannot be an account's name; null when it can.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "An account needs a name.";
        }

        if (name.Length > MaxLength)
        {
            return $"An account's name has at most {MaxLength} characters.";
        }

        if (name.Any(char.IsControl) || name.Trim().Length != name.Length)
        {
            return "An account's name cannot hold control characters or start or end with a space.";
        }

        return null;
    }

    /// <summary>Why <paramref name="password"/> cannot be a password; null when it can.</summary>
    public static string? PasswordProblem(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return password.Length switch
        {
            < MinPasswordLength => $"A password needs at least {MinPasswordLength} characters.",
            > MaxPasswordLength => $"A password has at most {MaxPasswordLength} characters.",
            _ => null,
        };
    }
}
