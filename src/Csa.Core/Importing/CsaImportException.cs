namespace Csa.Core.Importing;

/// <summary>An import that found problems in its input and so changed nothing.</summary>
public sealed class CsaImportException : CsaException
{
    /// <summary>The most issues listed in the message; the rest are counted.</summary>
    public const int IssuesShown = 20;

    /// <summary>Creates the exception from every issue found.</summary>
    public CsaImportException(IReadOnlyList<ImportIssue> issues) : base(Describe(issues))
    {
        Issues = issues;
    }

    /// <summary>Creates the exception with a message (no issues listed).</summary>
    public CsaImportException(string message) : base(message)
    {
        Issues = [];
    }

    /// <summary>Creates the exception with a message and its cause (no issues listed).</summary>
    public CsaImportException(string message, Exception innerException) : base(message, innerException)
    {
        Issues = [];
    }

    /// <summary>Creates the exception with no message (required by convention; prefer the issue list).</summary>
    public CsaImportException()
    {
        Issues = [];
    }

    /// <summary>Every issue found, in file and line order.</summary>
    public IReadOnlyList<ImportIssue> Issues { get; }

    static string Describe(IReadOnlyList<ImportIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var lines = new List<string>
        {
            $"Nothing was imported: {issues.Count} {(issues.Count == 1 ? "problem" : "problems")} found in the input.",
        };
        lines.AddRange(issues.Take(IssuesShown).Select(issue => issue.ToString()));
        if (issues.Count > IssuesShown)
        {
            lines.Add($"… and {issues.Count - IssuesShown} more {(issues.Count - IssuesShown == 1 ? "problem" : "problems")}.");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
