namespace Csa.Analysis;

/// <summary>Operations on result tables.</summary>
public static class ResultTables
{
    /// <summary>Stacks tables of the same columns into one, with a first column naming each row's table (for csv and json of several areas).</summary>
    /// <exception cref="ArgumentException">The tables' columns differ.</exception>
    public static ResultTable Stack(IReadOnlyList<(string Name, ResultTable Table)> tables, string nameColumn)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var columns = tables[0].Table.Columns;
        if (tables.Any(t => !t.Table.Columns.SequenceEqual(columns)))
        {
            throw new ArgumentException("Only tables with the same columns can be stacked.", nameof(tables));
        }

        var rows = tables.SelectMany(t => t.Table.Rows.Select(r => (IReadOnlyList<object?>)[t.Name, .. r])).ToList();
        var notes = tables.SelectMany(t => t.Table.Notes).Distinct().ToList();
        return ResultTable.Create(string.Join("; ", tables.Select(t => t.Table.Title)), [nameColumn, .. columns], rows, notes);
    }
}
