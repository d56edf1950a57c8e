using Csa.Core;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using Csa.Ingest.Internal;

namespace Csa.Ingest.PoliceUk;

/// <summary>Reads and validates a data.police.uk street file (crimes and anti-social behaviour).</summary>
/// <remarks>
/// Checks, with every problem reported as <c>file:line: reason</c>: the exact 12-column header; the field
/// count of every row; Reported by, Falls within and Location present; the Month column against the file
/// name's month; the crime type against data.police.uk's 14 types; longitude and latitude both empty
/// (kept as "no location") or both in range; the LSOA code's shape.
/// </remarks>
public static class StreetFileReader
{
    /// <summary>The exact header of a street file.</summary>
    public const string Header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    const int ColumnCount = 12;

    /// <summary>Reads every row of <paramref name="text"/>, passing valid rows to <paramref name="onRecord"/> and adding problems to <paramref name="issues"/>.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The file as the user named it, for issues.</param>
    /// <param name="fileMonth">The month the file name gives.</param>
    /// <param name="onRecord">Receives each valid record, in file order; null to validate and count only (no record is made).</param>
    /// <param name="issues">Receives each problem.</param>
    /// <returns>What the read counted.</returns>
    public static StreetFileStatistics Read(string text, string fileName, Month fileMonth, Action<StreetRecord>? onRecord, List<ImportIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(issues);
        if (!PoliceUkCsv.TryOpen(text, fileName, Header, issues, out var reader))
        {
            return new StreetFileStatistics(0, 0, 0, 0);
        }

        using (reader)
        {
            var pool = new StringPool();
            long rows = 0, crimes = 0, antiSocialBehaviour = 0, noLocation = 0;
            var reasons = new List<string>(4);
            foreach (var row in reader)
            {
                rows++;
                var line = row.LineNumberFrom;
                if (!PoliceUkCsv.HasColumnCount(row, ColumnCount, fileName, issues))
                {
                    continue;
                }

                reasons.Clear();
                AddIf(reasons, FieldChecks.CheckMonth(row[1].Span, fileMonth));
                AddIf(reasons, FieldChecks.CheckRequired(row[2].Span, "Reported by"));
                AddIf(reasons, FieldChecks.CheckRequired(row[3].Span, "Falls within"));
                AddIf(reasons, FieldChecks.CheckRequired(row[6].Span, "Location"));
                AddIf(reasons, FieldChecks.CheckCoordinates(row[4].Span, row[5].Span, out var longitude, out var latitude));
                AddIf(reasons, FieldChecks.CheckLsoaCode(row[7].Span));
                var crimeType = pool.Get(row[9].Span);
                if (!PoliceUkCrimeTypes.IsKnown(crimeType))
                {
                    reasons.Add($"Crime type '{crimeType}' is not one of data.police.uk's 14 crime types");
                }

                if (reasons.Count > 0)
                {
                    issues.AddRange(reasons.Select(reason => new ImportIssue(fileName, line, reason)));
                    continue;
                }

                if (PoliceUkCrimeTypes.IsAntiSocialBehaviour(crimeType))
                {
                    antiSocialBehaviour++;
                }
                else
                {
                    crimes++;
                }

                if (longitude is null)
                {
                    noLocation++;
                }

                onRecord?.Invoke(new StreetRecord(
                    CrimeId: row[0].Span.IsEmpty ? null : row[0].ToString(),
                    Month: fileMonth,
                    ReportedBy: pool.Get(row[2].Span),
                    FallsWithin: pool.Get(row[3].Span),
                    Longitude: longitude,
                    Latitude: latitude,
                    Location: pool.Get(row[6].Span),
                    LsoaCode: pool.GetOrNull(row[7].Span),
                    LsoaName: pool.GetOrNull(row[8].Span),
                    CrimeType: crimeType,
                    LastOutcomeCategory: pool.GetOrNull(row[10].Span),
                    Context: row[11].Span.IsEmpty ? null : row[11].ToString(),
                    Line: line));
            }

            return new StreetFileStatistics(rows, crimes, antiSocialBehaviour, noLocation);
        }
    }

    static void AddIf(List<string> reasons, string? reason)
    {
        if (reason is not null)
        {
            reasons.Add(reason);
        }
    }
}
