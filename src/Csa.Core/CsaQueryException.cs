namespace Csa.Core;

/// <summary>A question the data cannot answer as asked: an unknown or ambiguous area, a period outside the data.</summary>
public sealed class CsaQueryException : CsaException
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public CsaQueryException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CsaQueryException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message (required by convention; prefer a message).</summary>
    public CsaQueryException()
    {
    }
}
