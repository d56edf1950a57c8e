namespace Csa.Core;

/// <summary>A failure that a user can act on: bad input data, an unknown area, a store from a newer csa.</summary>
/// <remarks>Its message is written for the user and is shown as it is; the CLI maps each subclass to an exit code.</remarks>
public class CsaException : Exception
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public CsaException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the user and the underlying cause.</summary>
    public CsaException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message (required by convention; prefer a message).</summary>
    public CsaException()
    {
    }
}
