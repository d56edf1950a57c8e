namespace Csa.Core;

/// <summary>A store that csa cannot use: made by a newer csa, damaged, or locked by another process.</summary>
public sealed class CsaStoreException : CsaException
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public CsaStoreException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CsaStoreException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message (required by convention; prefer a message).</summary>
    public CsaStoreException()
    {
    }
}
