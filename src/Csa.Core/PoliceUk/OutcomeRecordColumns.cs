
namespace Csa.Core.PoliceUk;

/// <summary>The validated records of one data.police.uk outcomes file, column by column, as a store loads them in bulk.
/// The file's force and month are its <see cref="ValidatedPoliceUkFile"/>'s.</summary>
public sealed class OutcomeRecordColumns
{
    readonly List<string> _crimeIds = [];
    readonly List<string> _outcomeTypes = [];

    /// <summary>How many records the columns hold.</summary>
    public int Count => _crimeIds.Count;

    /// <summary>The crimes the outcomes belong to.</summary>
    public IReadOnlyList<string> CrimeIds => _crimeIds;

    /// <summary>The outcomes, as data.police.uk words them.</summary>
    public IReadOnlyList<string> OutcomeTypes => _outcomeTypes;

    /// <summary>Adds one validated record.</summary>
    public void Add(OutcomeRecord record)
    {
        _crimeIds.Add(record.CrimeId);
        _outcomeTypes.Add(record.OutcomeType);
    }
}
