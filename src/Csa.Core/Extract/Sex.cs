namespace Csa.Core.Extract;

/// <summary>A victim's or offender's sex as a police extract records it.</summary>
public enum Sex
{
    /// <summary>Not recorded or not known.</summary>
    Unknown,

    /// <summary>Female.</summary>
    Female,

    /// <summary>Male.</summary>
    Male,
}
