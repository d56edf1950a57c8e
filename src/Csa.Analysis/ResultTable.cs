using System.Globalization;

namespace Csa.Analysis;

/// <summary>A table as csa shows it: on screen and, cell for cell, in csv, xlsx and json.</summary>
/// <remarks>
/// Every command that prints a table builds one of these, so that scripts and spreadsheets get
/// the same rows, with numbers as numbers. Cells are <see cref="string"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="FormattedNumber"/> (a number in files, its text on screen) or null (shown empty: "no figure", never zero). Notes (data gaps, caveats) go beside the table: under it
/// on screen, on a Notes sheet in xlsx, and on standard error for csv and json.
/// </remarks>
/// <param name="Title">The table's title.</param>
/// <param name="Columns">The column headings, in order; unique.</param>
/// <param name="Rows">The rows; each has one cell per column.</param>
/// <param name="Notes">Sentences that qualify the figures.</param>
public sealed record ResultTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<string> Notes)
{
    /// <summary>Columns the screen leaves out unless asked (<c>--stats</c>); files always hold them.</summary>
    public IReadOnlyList<string> DetailColumns { get; init; } = [];

    /// <summary>The table without its detail columns, as the screen shows it by default.</summary>
    public ResultTable WithoutDetail() => Without(DetailColumns) with { DetailColumns = [] };

    /// <summary>The table without these columns (names it does not have are ignored).</summary>
    public ResultTable Without(IEnumerable<string> columns)
    {
        var drop = columns.ToHashSet(StringComparer.Ordinal);
        var keep = Columns.Select((c, i) => (c, i)).Where(x => !drop.Contains(x.c)).Select(x => x.i).ToArray();
        return this with
        {
            Columns = [.. keep.Select(i => Columns[i])],
            Rows = [.. Rows.Select(r => (IReadOnlyList<object?>)[.. keep.Select(i => r[i])])],
            DetailColumns = [.. DetailColumns.Where(c => !drop.Contains(c))],
        };
    }

    /// <summary>Checks the shape: unique column names, one cell per column, supported cell types.</summary>
    /// <exception cref="ArgumentException">The table is malformed.</exception>
    public static ResultTable Create(string title, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<object?>> rows, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (columns.Distinct(StringComparer.Ordinal).Count() != columns.Count)
        {
            throw new ArgumentException("Column names must be unique.", nameof(columns));
        }

        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells for {columns.Count} columns.", nameof(rows));
            }

            if (row.Any(cell => cell is not (null or string or long or double or FormattedNumber)))
            {
                throw new ArgumentException("Cells must be string, long, double, FormattedNumber or null.", nameof(rows));
            }
        }

        return new ResultTable(title, columns, rows, notes);
    }

    /// <summary>A cell as people read it — on screen, in the HTML and Word documents alike: whole numbers with thousands
    /// separated, other numbers to at most four decimals, a <see cref="FormattedNumber"/> as its text, empty for no figure
    /// (never zero).</summary>
    public static string CellText(object? cell) => cell switch
    {
        null => string.Empty,
        long n => n.ToString("N0", CultureInfo.InvariantCulture),
        double d => d.ToString("#,##0.####", CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Whether a cell is a number (its column right-aligned, never wrapped: on screen and in the documents).</summary>
    public static bool IsNumber(object? cell) => cell is long or double or FormattedNumber;
}
