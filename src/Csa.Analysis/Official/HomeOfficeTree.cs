using Csa.Core;
using Csa.Core.Official;

namespace Csa.Analysis.Official;

/// <summary>The offence tree as the Home Office publishes it, taken from the rows themselves: total recorded crime excluding
/// fraud, its offence groups, their subgroups, and fraud apart. A code's group and subgroup are the ones its row gives, so codes
/// added since csa's classification (8T, 8U, 28I–29C) and renamed groups fall where the Home Office put them.</summary>
public sealed class HomeOfficeTree
{
    /// <summary>The top row: every offence except fraud (the figure ONS and the Home Office headline).</summary>
    public const string Total = "Total recorded crime (excluding fraud)";

    /// <summary>Fraud, shown apart as ONS shows it.</summary>
    public const string Fraud = "Fraud offences";

    HomeOfficeTree(IReadOnlyList<(string Label, int Level)> rows) => Rows = rows;

    /// <summary>The categories in order, with their level (0 total, 1 group, 2 subgroup).</summary>
    public IReadOnlyList<(string Label, int Level)> Rows { get; }

    /// <summary>The tree of the rows given: the groups and subgroups they name, and fraud where they hold any.</summary>
    public static HomeOfficeTree From(IReadOnlyList<RecordedCrimeRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var tree = new List<(string, int)> { (Total, 0) };
        foreach (var group in rows.Where(r => !r.IsFraud).GroupBy(r => r.OffenceGroup, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
        {
            tree.Add((group.Key, 1));
            tree.AddRange(group.Select(r => r.OffenceSubgroup).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).Select(s => (s, 2)));
        }

        if (rows.Any(r => r.IsFraud))
        {
            tree.Add((Fraud, 1)); // a force's rows hold none: the national bodies record it
        }

        return new HomeOfficeTree(tree);
    }

    /// <summary>Whether the row counts in the category: the total, a group, a subgroup, or an offence code.</summary>
    public static bool Counts(string category, RecordedCrimeRow row)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(row);
        return category.Equals(Total, StringComparison.OrdinalIgnoreCase) || category.Equals("All crime", StringComparison.OrdinalIgnoreCase)
            ? !row.IsFraud
            : category.Equals(Fraud, StringComparison.OrdinalIgnoreCase) ? row.IsFraud
            : row.OffenceGroup.Equals(category, StringComparison.OrdinalIgnoreCase)
              || row.OffenceSubgroup.Equals(category, StringComparison.OrdinalIgnoreCase)
              || row.OffenceCode.Equals(category, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Checks that the category is one the rows hold.</summary>
    /// <exception cref="CsaQueryException">No row counts in it; the message lists the groups.</exception>
    public static void Require(string category, IReadOnlyList<RecordedCrimeRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!rows.Any(r => Counts(category, r)))
        {
            var groups = rows.Select(r => r.OffenceGroup).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
            throw new CsaQueryException($"'{category}' is not a category of the Home Office tables held: give \"{Total}\", an offence group ({string.Join(", ", groups)}), one of their subgroups, or an offence code, as the tables name them.");
        }
    }
}
