namespace Csa.Core.PoliceUk;

/// <summary>One validated row of a data.police.uk outcomes file: an outcome reached for a crime in a month.</summary>
/// <param name="CrimeId">The crime the outcome belongs to (joins to <see cref="StreetRecord.CrimeId"/>).</param>
/// <param name="Month">The month the outcome was reached.</param>
/// <param name="OutcomeType">The outcome, as data.police.uk words it.</param>
/// <param name="Line">The row's line number in its file (the header is line 1).</param>
public readonly record struct OutcomeRecord(string CrimeId, Month Month, string OutcomeType, int Line);
