using System.Globalization;
using Csa.Ingest.PoliceUk;
using Spectre.Console;

namespace Csa.Cli.Output;

/// <summary>Shows an import's progress: a live bar (files, rows, rows/s, ETA) on an interactive terminal,
/// plain lines (one per file read and written, one when the import commits) when output is redirected or CI=true.</summary>
static class ImportProgressDisplay
{
    public static async Task<T> RunAsync<T>(Func<IProgress<ImportProgress>, Task<T>> import)
    {
        if (!CommandRunner.IsInteractive)
        {
            return await import(new Immediate(p => Console.WriteLine(p.Stage == "committing"
                ? string.Create(CultureInfo.InvariantCulture, $"import: all {p.FilesTotal} files valid ({p.Rows:N0} rows); committing them to the store in one transaction")
                : $"import: {Describe(p)} · {Path.GetFileName(p.CurrentFile)}")));
        }

        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("import", maxValue: 1);
                result = await import(new Immediate(p =>
                {
                    task.MaxValue = Math.Max(1, p.BytesTotal);
                    task.Value = p.BytesDone;
                    task.Description = Markup.Escape(Describe(p));
                }));
                task.Value = task.MaxValue;
                task.Description = "done";
            });
        return result;
    }

    static string Describe(ImportProgress p)
    {
        var eta = p.Remaining is { } left ? $" · ETA {left:m\\:ss}" : string.Empty;
        return p.Stage == "committing"
            ? string.Create(CultureInfo.InvariantCulture, $"committing {p.Rows:N0} checked rows to the store")
            : string.Create(CultureInfo.InvariantCulture, $"checking files {p.FilesDone}/{p.FilesTotal} · {p.Rows:N0} rows · {p.RowsPerSecond:N0} rows/s{eta}");
    }

    /// <summary>Reports on the calling thread, in order (unlike <see cref="Progress{T}"/>, which posts to the thread pool).</summary>
    sealed class Immediate(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
