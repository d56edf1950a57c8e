namespace Csa.Core.PoliceUk;

/// <summary>The kinds of monthly file data.police.uk publishes for each force.</summary>
public enum PoliceUkFileKind
{
    /// <summary><c>-street.csv</c>: crimes and anti-social behaviour.</summary>
    Street,

    /// <summary><c>-outcomes.csv</c>: outcomes reached in the month for crimes of any earlier month.</summary>
    Outcomes,

    /// <summary><c>-stop-and-search.csv</c>: stop and search records (csa skips them).</summary>
    StopAndSearch,
}
