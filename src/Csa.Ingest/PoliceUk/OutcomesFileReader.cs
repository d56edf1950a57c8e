using Csa.Core;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using Csa.Ingest.Internal;

namespace Csa.Ingest.PoliceUk;

/// <summary>Reads and validates a data.police.uk outcomes file.</summary>
/// <remarks>
/// Checks the exact 10-column header, every row's field count, the Month column against the file name's
/// month, a non-empty Crime ID and Outcome type, the coordinates and the LSOA code's shape.
/// </remarks>
public static class OutcomesFileReader
{
    /// <summary>The exact header of an outcomes file.</summary>
    public const string Header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type";

    const int ColumnCount = 10;

    /// <summary>Reads every row of <paramref name="text"/>, passing valid rows to <paramref name="onRecord"/> and adding problems to <paramref name="issues"/>.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The file as the user named it, for issues.</param>
    /// <param name="fileMonth">The month the file name gives.</param>
    /// <param name="onRecord">Receives each valid record, in file order; null to validate and count only.</param>
    /// <param name="issues">Receives each problem.</param>
    /// <returns>The number of data rows read, valid or not.</returns>
    public static int Read(string text, string fileName, Month fileMonth, Action<OutcomeRecord>? onRecord, List<ImportIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(issues);
        if (!PoliceUkCsv.TryOpen(text, fileName, Header, issues, out var reader))
        {
            return 0;
        }

        using (reader)
        {
            var pool = new StringPool();
            var rows = 0;
            foreach (var row in reader)
            {
                rows++;
                var line = row.LineNumberFrom;
                if (!PoliceUkCsv.HasColumnCount(row, ColumnCount, fileName, issues))
                {
                    continue;
                }

                string?[] reasons =
                [
                    FieldChecks.CheckRequired(row[0].Span, "Crime ID"),
                    FieldChecks.CheckMonth(row[1].Span, fileMonth),
                    FieldChecks.CheckCoordinates(row[4].Span, row[5].Span, out _, out _),
                    FieldChecks.CheckLsoaCode(row[7].Span),
                    FieldChecks.CheckRequired(row[9].Span, "Outcome type"),
                ];
                if (reasons.Any(reason => reason is not null))
                {
                    issues.AddRange(reasons.OfType<string>().Select(reason => new ImportIssue(fileName, line, reason)));
                    continue;
                }

                onRecord?.Invoke(new OutcomeRecord(row[0].ToString(), fileMonth, pool.Get(row[9].Span), line));
            }

            return rows;
        }
    }
}
