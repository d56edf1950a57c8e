namespace Csa.Cli;

/// <summary>The exit codes of <c>csa</c>, documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The command line is wrong (unknown option, bad month), or an output file cannot be written.</summary>
    public const int Usage = 1;

    /// <summary>An input file has problems; nothing was imported.</summary>
    public const int BadInput = 2;

    /// <summary>The question cannot be answered as asked: unknown or ambiguous area, period outside the data.</summary>
    public const int BadQuery = 3;

    /// <summary>The store cannot be used: made by a newer csa, not a csa store, or in use by another process.</summary>
    public const int StoreUnusable = 4;

    /// <summary>csa itself failed (a bug): the message says what failed, without a stack trace, and asks for a report.</summary>
    public const int InternalError = 70;
}
