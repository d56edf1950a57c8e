using System.Globalization;
using Csa.Core.Classification;
using Csa.Core.Extract;
using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Ingest.Internal;
using nietras.SeparatedValues;

namespace Csa.Ingest.Extract;

/// <summary>Reads and validates a force's record-level extract through its mapping.</summary>
/// <remarks>
/// Every problem is an issue <c>file:line: reason</c>: a mapped column missing from the header; an empty
/// or repeated crime reference; a date in none of the mapping's formats; an unknown offence code or
/// description; an LSOA or ward that no held lookup knows; an age that is not a whole number from 0 to
/// 120; a sex, marker or victim-support value the mapping does not list; bad coordinates.
/// </remarks>
public static class ExtractReader
{
    /// <summary>Reads every row of <paramref name="text"/>.</summary>
    public static IReadOnlyList<ExtractCrime> Read(string text, string fileName, ExtractMapping mapping, PlaceLookup places, List<ImportIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(issues);
        if (text.Length == 0)
        {
            issues.Add(new ImportIssue(fileName, 0, "the file is empty: it has no header line"));
            return [];
        }

        using var reader = InputFile.Csv(text, fileName, mapping.Delimiter[0]);
        var columns = MapColumns(reader.Header, fileName, mapping, issues);
        if (columns is null)
        {
            return [];
        }

        var crimes = new List<ExtractCrime>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var headerCount = reader.Header.ColNames.Count;
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount != headerCount)
            {
                issues.Add(new ImportIssue(fileName, line, $"{row.ColCount} fields where the header has {headerCount}"));
                continue;
            }

            var problems = new List<string>();
            var values = new Dictionary<string, string>(columns.Count, StringComparer.Ordinal);
            foreach (var (field, index) in columns)
            {
                values[field] = row[index].ToString().Trim();
            }

            string Field(string field) => values.TryGetValue(field, out var value) ? value : string.Empty;

            var reference = Field("crimeReference");
            if (reference.Length == 0)
            {
                problems.Add($"{mapping.Columns.CrimeReference} (crime reference) is empty");
            }
            else if (!seen.TryAdd(reference, line))
            {
                problems.Add($"crime reference {reference} is already on line {seen[reference]}");
            }

            var date = ParseDate(Field("recordedDate"), mapping, problems);
            var offence = ParseOffence(Field("offenceCode"), Field("offenceDescription"), mapping, problems);
            var (lsoa, ward, district) = Place(Field("lsoa"), Field("ward"), mapping, places, problems);
            var (longitude, latitude) = Coordinates(Field("longitude"), Field("latitude"), problems);
            var markers = mapping.Markers
                .Where(m => YesNo(Field("marker:" + m.Key), m.Value, mapping, problems) == true)
                .Select(m => m.Key)
                .ToArray();
            var victimAge = Age(Field("victimAge"), mapping.Columns.VictimAge, problems);
            var offenderAge = Age(Field("offenderAge"), mapping.Columns.OffenderAge, problems);
            var victimSex = SexOf(Field("victimSex"), mapping.Columns.VictimSex, mapping, problems);
            var offenderSex = SexOf(Field("offenderSex"), mapping.Columns.OffenderSex, mapping, problems);
            var supports = mapping.Columns.VictimSupportsRecording is null ? null : YesNo(Field("victimSupportsRecording"), mapping.Columns.VictimSupportsRecording, mapping, problems);
            if (problems.Count > 0)
            {
                issues.AddRange(problems.Select(p => new ImportIssue(fileName, line, p)));
                continue;
            }

            crimes.Add(new ExtractCrime(reference, date!.Value, offence!, lsoa, ward!, district!, longitude, latitude, markers, victimAge, victimSex, offenderAge, offenderSex, supports, line));
        }

        return crimes;
    }

    /// <summary>The header index of every mapped field; null (with issues) when a mapped column is missing.</summary>
    static Dictionary<string, int>? MapColumns(SepReaderHeader header, string fileName, ExtractMapping mapping, List<ImportIssue> issues)
    {
        var c = mapping.Columns;
        var wanted = new Dictionary<string, string?>
        {
            ["crimeReference"] = c.CrimeReference,
            ["recordedDate"] = c.RecordedDate,
            ["offenceCode"] = c.OffenceCode,
            ["offenceDescription"] = c.OffenceDescription,
            ["lsoa"] = c.Lsoa,
            ["ward"] = c.Ward,
            ["longitude"] = c.Longitude,
            ["latitude"] = c.Latitude,
            ["victimAge"] = c.VictimAge,
            ["victimSex"] = c.VictimSex,
            ["offenderAge"] = c.OffenderAge,
            ["offenderSex"] = c.OffenderSex,
            ["victimSupportsRecording"] = c.VictimSupportsRecording,
        };
        foreach (var (marker, column) in mapping.Markers)
        {
            wanted["marker:" + marker] = column;
        }

        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var before = issues.Count;
        foreach (var (field, column) in wanted.Where(w => w.Value is not null))
        {
            var index = header.ColNames.ToList().IndexOf(column!);
            if (index < 0)
            {
                var key = field.StartsWith("marker:", StringComparison.Ordinal) ? $"markers.{field[7..]}" : $"columns.{field}";
                issues.Add(new ImportIssue(fileName, 1, $"the mapping's {key} is '{column}', but the file has no such column (its columns: {string.Join(", ", header.ColNames)})"));
            }

            indexes[field] = index;
        }

        return issues.Count > before ? null : indexes;
    }

    static DateOnly? ParseDate(string value, ExtractMapping mapping, List<string> problems)
    {
        if (DateOnly.TryParseExact(value, [.. mapping.DateFormats], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{mapping.Columns.RecordedDate} '{value}' is not a date in the mapping's formats ({string.Join(", ", mapping.DateFormats)})");
        return null;
    }

    static string? ParseOffence(string code, string description, ExtractMapping mapping, List<string> problems)
    {
        if (mapping.Columns.OffenceCode is not null && code.Length > 0)
        {
            if (OffenceCodes.TryFind(code, out var offence))
            {
                return offence.Code;
            }

            problems.Add($"{mapping.Columns.OffenceCode} '{code}' is not a Home Office offence code csa knows ({OffenceCodes.Edition})");
            return null;
        }

        if (mapping.Columns.OffenceDescription is not null && description.Length > 0)
        {
            if (mapping.OffenceDescriptions.TryGetValue(description, out var mapped) && OffenceCodes.TryFind(mapped, out var byMap))
            {
                return byMap.Code;
            }

            if (OffenceCodes.TryFindByDescription(description, out var byDescription))
            {
                return byDescription.Code;
            }

            problems.Add($"{mapping.Columns.OffenceDescription} '{description}' is not an offence csa knows: add it to the mapping's offenceDescriptions with its Home Office code");
            return null;
        }

        problems.Add("the offence is empty");
        return null;
    }

    static (string? Lsoa, string? Ward, string? District) Place(string lsoa, string ward, ExtractMapping mapping, PlaceLookup places, List<string> problems)
    {
        if (lsoa.Length > 0)
        {
            if (!LsoaCodes.HasValidShape(lsoa))
            {
                problems.Add($"{mapping.Columns.Lsoa} '{lsoa}' is not an LSOA code (E01 or W01 and six digits)");
                return (null, null, null);
            }

            if (places.LsoaPlaces.TryGetValue(lsoa, out var place))
            {
                return (lsoa, place.Ward, place.District);
            }

            problems.Add($"LSOA {lsoa} is in no held lookup: import the ONS lookup first (csa import geography FILE)");
            return (null, null, null);
        }

        if (ward.Length > 0)
        {
            if (places.WardDistricts.TryGetValue(ward, out var district))
            {
                return (null, ward, district);
            }

            problems.Add($"ward {ward} is in no held lookup: import the ONS lookup first (csa import geography FILE)");
            return (null, null, null);
        }

        problems.Add("the crime has no LSOA and no ward, so it cannot be placed");
        return (null, null, null);
    }

    static (double? Longitude, double? Latitude) Coordinates(string longitude, string latitude, List<string> problems)
    {
        var reason = FieldChecks.CheckCoordinates(longitude, latitude, out var lon, out var lat);
        if (reason is not null)
        {
            problems.Add(reason);
        }

        return (lon, lat);
    }

    static bool? YesNo(string value, string column, ExtractMapping mapping, List<string> problems)
    {
        if (mapping.YesNoValues.TryGetValue(value, out var yes))
        {
            return yes;
        }

        problems.Add($"{column} '{value}' is not a value the mapping lists in yesNoValues ({string.Join(", ", mapping.YesNoValues.Keys.Select(k => $"'{k}'"))})");
        return null;
    }

    static Sex SexOf(string value, string? column, ExtractMapping mapping, List<string> problems)
    {
        if (column is null)
        {
            return Sex.Unknown;
        }

        if (mapping.SexValues.TryGetValue(value, out var sex))
        {
            return sex;
        }

        problems.Add($"{column} '{value}' is not a value the mapping lists in sexValues ({string.Join(", ", mapping.SexValues.Keys.Select(k => $"'{k}'"))})");
        return Sex.Unknown;
    }

    static int? Age(string value, string? column, List<string> problems)
    {
        if (column is null || value.Length == 0)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age <= 120)
        {
            return age;
        }

        problems.Add($"{column} '{value}' is not an age (a whole number from 0 to 120)");
        return null;
    }
}
