namespace Csa.Core.Extract;

/// <summary>Whose age and sex a count of extract crimes is by.</summary>
public enum PersonRole
{
    /// <summary>The victim.</summary>
    Victim,

    /// <summary>The offender (suspect).</summary>
    Offender,
}
