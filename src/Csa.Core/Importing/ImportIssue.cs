namespace Csa.Core.Importing;

/// <summary>One problem found in an input file.</summary>
/// <param name="File">The file as the user named it (an archive entry is written <c>archive.zip!entry</c>).</param>
/// <param name="Line">The line the problem is on (the header is line 1), or 0 when it concerns the whole file.</param>
/// <param name="Reason">What is wrong, in words an analyst can act on.</param>
public sealed record ImportIssue(string File, int Line, string Reason)
{
    /// <summary>The issue as <c>file:line: reason</c> (or <c>file: reason</c> for the whole file).</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Reason}" : $"{File}: {Reason}";
}
