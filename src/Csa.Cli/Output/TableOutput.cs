using System.CommandLine;
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

    public static void Render(ResultTable table, bool showDetail = false) => Render(AnsiConsole.Console, table, showDetail);

    /// <summary>Starts, once in a process, drawing a small table to nowhere on the thread pool. A command's first table cost
    /// about 13 ms of Spectre's type loading and first calls after its queries (installed compare); started while the store
    /// opens, most of that happens on the other core meanwhile (the start-up benchmark: installed compare 1.53x -> 1.43x the
    /// reference). The task never fails, and the screen's own console is not touched.</summary>
    /// <returns>The warm-up: the same task each time.</returns>
    public static Task BeginWarmUp() => WarmUp.Value;

    static readonly Lazy<Task> WarmUp = new(() => Task.Run(static () =>
    {
        try
        {
            var nowhere = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
            nowhere.Profile.Width = 200;
            Render(nowhere, new ResultTable("Warm-up", ["Category", "Count", "Change"], [["All crime", 1234L, 0.5]], ["A table drawn to nowhere."]), showDetail: false);
        }
#pragma warning disable CA1031 // A warm-up has nothing to report: the screen's own table says what is wrong.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }));

    static void Render(IAnsiConsole console, ResultTable table, bool showDetail)
    {
        table = showDetail ? table : table.WithoutDetail();
        // The title goes on its own line: Spectre wraps a table title to the table's width.
        console.WriteLine();
        console.WriteLine(table.Title);
        var grid = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(table.Columns[i]));
            if (table.Rows.Any(row => ResultTable.IsNumber(row[i])))
            {
                column.RightAligned();
            }

            grid.AddColumn(column);
        }

        foreach (var row in table.Rows)
        {
            grid.AddRow(row.Select(cell => Markup.Escape(ResultTable.CellText(cell))).ToArray());
        }

        console.Write(grid);
        foreach (var note in table.Notes)
        {
            console.WriteLine("Note: " + note);
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
}
