using System.CommandLine;
using System.Globalization;
using Csa.Analysis;
using Csa.Reporting;
using Spectre.Console;

namespace Csa.Cli.Output;

/// <summary>Shows a <see cref="ResultTable"/> on screen and writes it to the files that --csv, --xlsx and --json name.</summary>
static class TableOutput
{
    public static void Show(ResultTable table, ParseResult parse, bool showDetail = false)
    {
        Render(table, showDetail);
        WriteFiles(table, parse);
    }

    public static void Render(ResultTable table, bool showDetail = false)
    {
        table = showDetail ? table : table.WithoutDetail();
        // The title goes on its own line: Spectre wraps a table title to the table's width.
        AnsiConsole.WriteLine();
        AnsiConsole.WriteLine(table.Title);
        var grid = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(table.Columns[i]));
            if (table.Rows.Any(row => row[i] is long or double or FormattedNumber))
            {
                column.RightAligned();
            }

            grid.AddColumn(column);
        }

        foreach (var row in table.Rows)
        {
            grid.AddRow(row.Select(cell => Markup.Escape(FormatForScreen(cell))).ToArray());
        }

        AnsiConsole.Write(grid);
        foreach (var note in table.Notes)
        {
            AnsiConsole.WriteLine("Note: " + note);
        }
    }

    /// <summary>Writes the files asked for; <paramref name="xlsx"/> replaces the one-sheet workbook (several areas, a sheet each).</summary>
    public static void WriteFiles(ResultTable table, ParseResult parse, Action<string>? xlsx = null)
    {
        Write(parse.GetValue(CommonOptions.Csv), path => TableFiles.WriteCsv(table, path));
        Write(parse.GetValue(CommonOptions.Xlsx), xlsx ?? (path => TableFiles.WriteXlsx(table, path)));
        Write(parse.GetValue(CommonOptions.Json), path => TableFiles.WriteJson(table, path));
    }

    static void Write(string? path, Action<string> write)
    {
        if (path is null)
        {
            return;
        }

        write(path);
        AnsiConsole.WriteLine($"Wrote {path}");
    }

    /// <summary>A cell as the screen shows it: thousands separated, empty for no figure.</summary>
    static string FormatForScreen(object? cell) => cell switch
    {
        null => string.Empty,
        long n => n.ToString("N0", CultureInfo.InvariantCulture),
        double d => d.ToString("#,##0.####", CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
