using System.Globalization;
using System.Text;
using Csa.Core;
using Csa.Core.Classification;
using Csa.Core.Extract;
using Csa.Ingest.Extract;

namespace Csa.Ingest.Synthetic;

/// <summary>
/// Writes a SYNTHETIC record-level police extract for one area and its mapping file, deterministic for a seed.
/// </summary>
/// <remarks>
/// Whatever the seed, the extract reproduces every count of the seed's Appendix A for Jan–Dec 2015 and
/// Jan–Dec 2016, and the seed's violence rises from 2013/14 to 2015/16 (without injury +94.0%, with injury
/// +40.4%), with seasonal months, the area's own LSOAs and wards, ages, sexes, markers and victim support.
/// The seed changes everything else: days, places, ages, which crimes carry a marker. Every row's Synthetic
/// column, the crime references (SYN-…), the file names and the mapping's description say it is synthetic.
/// </remarks>
public sealed class SyntheticExtractGenerator
{
    /// <summary>The file name of the extract written.</summary>
    public const string ExtractFileName = "synthetic-extract.csv";

    /// <summary>The file name of the mapping written.</summary>
    public const string MappingFileName = "synthetic-extract-mapping.json";

    static readonly (string Key, string Column)[] MarkerColumns =
    [
        (Markers.DomesticAbuse, "DA"), (Markers.HateCrime, "HATE"), (Markers.ChildSexualExploitation, "CSE"),
        (Markers.ChildSexualAbuse, "CSA"), (Markers.ChildAbuse, "CHILD_ABUSE"), (Markers.Cyber, "CYBER"),
        (Markers.HumanTrafficking, "HT"), (Markers.VulnerableVictim, "VULNERABLE_VICTIM"),
        (Markers.SafeguardingVulnerableAdults, "SVA"), (Markers.ActionFraud, "ACTION_FRAUD"),
    ];

    readonly Random _random;
    readonly IReadOnlyList<(string Lsoa, string Ward)> _places;
    readonly double[] _placeWeights;

    /// <summary>Creates a generator for an area's LSOAs and wards.</summary>
    /// <param name="places">The area's LSOAs with their wards.</param>
    /// <param name="seed">The seed: the same seed writes the same files.</param>
    public SyntheticExtractGenerator(IReadOnlyList<(string Lsoa, string Ward)> places, int seed)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentOutOfRangeException.ThrowIfZero(places.Count);
        _random = new Random(seed);
        _places = [.. places.OrderBy(p => p.Lsoa, StringComparer.Ordinal)];
        _placeWeights = [.. _places.Select(_ => Math.Exp(0.7 * Gaussian()))];
    }

    /// <summary>The names the generator writes inside its folder.</summary>
    public static IReadOnlyList<string> OwnNames { get; } = [ExtractFileName, MappingFileName, ReadmeFileName];

    const string ReadmeFileName = "SYNTHETIC-README.txt";

    /// <summary>Writes the extract and its mapping into <paramref name="folder"/> (new, empty, or one csa wrote); returns the crimes written.</summary>
    /// <exception cref="IOException">The folder holds files csa did not write.</exception>
    public int Write(string folder, string areaName, Period period, int seed)
    {
        ArgumentNullException.ThrowIfNull(period);
        Core.Files.CsaOutputFolder.CheckWritable(folder, OwnNames);
        Core.Files.CsaOutputFolder.Mark(folder);
        var counts = MonthlyCounts(period);
        var byYear = new SortedDictionary<int, List<SyntheticCrime>>();
        foreach (var ((leaf, month), count) in counts.OrderBy(kv => kv.Key.Month).ThenBy(kv => kv.Key.Leaf.Name, StringComparer.Ordinal))
        {
            if (!byYear.TryGetValue(month.Year, out var ofYear))
            {
                byYear[month.Year] = ofYear = [];
            }

            for (var i = 0; i < count; i++)
            {
                ofYear.Add(NewCrime(leaf, month));
            }
        }

        AssignMarkers(byYear);
        var crimes = new List<SyntheticCrime>();
        foreach (var (year, ofYear) in byYear)
        {
            foreach (var crime in ofYear)
            {
                FillPeople(crime, year);
            }

            crimes.AddRange(ofYear.OrderBy(c => c.Date).ThenBy(c => c.Code, StringComparer.Ordinal));
        }

        WriteExtract(Path.Combine(folder, ExtractFileName), crimes);
        File.WriteAllText(Path.Combine(folder, MappingFileName), Mapping(areaName, period, seed).ToJson() + "\n");
        File.WriteAllText(Path.Combine(folder, ReadmeFileName),
            $"SYNTHETIC DATA made by csa synth extract (seed {seed}) for {areaName}, {period}. Not real crime data.\n" +
            "It reproduces the counts of the seed document's Appendix A (2015 and 2016) and its stated violence rises; everything else is invented.\n");
        return crimes.Count;
    }

    /// <summary>Counts per leaf and month: exact yearly totals spread over seasonal months, then the financial-year rises set.</summary>
    Dictionary<(SyntheticLeaf Leaf, Month Month), int> MonthlyCounts(Period period)
    {
        var counts = new Dictionary<(SyntheticLeaf, Month), int>();
        var firstYear = Math.Min(period.From.Year, 2013);
        var lastYear = Math.Max(period.To.Year, 2016);
        foreach (var leaf in SyntheticTargets.Leaves)
        {
            for (var year = firstYear; year <= lastYear; year++)
            {
                var total = leaf.Counts.TryGetValue(year, out var exact)
                    ? exact
                    : (int)Math.Round(leaf.Counts[2015] * SyntheticTargets.TrendFactor(year));
                var months = Spread(total, leaf.Season);
                for (var m = 1; m <= 12; m++)
                {
                    counts[(leaf, new Month(year, m))] = months[m - 1];
                }
            }
        }

        foreach (var (leafName, group, rise) in SyntheticTargets.FinancialYearRises)
        {
            SetFinancialYearRise(counts, leafName, group, rise);
        }

        return counts.Where(kv => period.Contains(kv.Key.Item2)).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    /// <summary>
    /// Sets the group's rise from 2013/14 to 2015/16 to exactly <paramref name="rise"/>% (to one decimal): moves crimes of
    /// the leaf from April into March 2016 until some whole 2013/14 count gives that rise (calendar 2016 is unchanged),
    /// then sets January–March 2014 of the leaf to reach that count.
    /// </summary>
    static void SetFinancialYearRise(Dictionary<(SyntheticLeaf, Month), int> counts, string leafName, IReadOnlyList<string> group, double rise)
    {
        var leaf = SyntheticTargets.Leaves.Single(l => l.Name == leafName);
        int Sum(FinancialYear year) => counts.Where(kv => group.Contains(kv.Key.Item1.Name) && year.Period.Contains(kv.Key.Item2)).Sum(kv => kv.Value);
        bool Gives(int later, int earlier) =>
            ApparentChange.Percent(earlier, later) == (decimal)rise;
        var later = Sum(new FinancialYear(2015));
        int? target = null;
        for (var moved = 0; target is null; moved++)
        {
            var estimate = (int)(later / (1 + (rise / 100)));
            target = Enumerable.Range(estimate - 5, 11).Where(t => Gives(later, t)).Select(t => (int?)t).FirstOrDefault();
            if (target is null)
            {
                var april = (leaf, new Month(2016, 4));
                if (moved > 50 || counts[april] == 0)
                {
                    throw new InvalidOperationException($"Could not set the rise of {leafName} to {rise}%.");
                }

                counts[april]--;
                counts[(leaf, new Month(2016, 3))]++;
                later++;
            }
        }

        var delta = target.Value - Sum(new FinancialYear(2013));
        for (var m = 1; m <= 3; m++)
        {
            var key = (leaf, new Month(2014, m));
            counts[key] += (delta / 3) + (m <= Math.Abs(delta % 3) ? Math.Sign(delta) : 0);
            if (counts[key] < 0)
            {
                throw new InvalidOperationException($"Could not set the 2013/14 count of {leafName}.");
            }
        }
    }

    /// <summary>Splits a yearly total over 12 months with a seasonal wave and noise, exactly (largest remainder).</summary>
    int[] Spread(int total, int peakMonth)
    {
        var weights = Enumerable.Range(1, 12)
            .Select(m => (1 + (0.15 * Math.Cos(2 * Math.PI * (m - peakMonth) / 12))) * (1 + (0.06 * Gaussian())))
            .Select(w => Math.Max(w, 0.2))
            .ToArray();
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var months = exact.Select(x => (int)Math.Floor(x)).ToArray();
        foreach (var i in exact.Select((x, i) => (Fraction: x - Math.Floor(x), i)).OrderByDescending(p => p.Fraction).Take(total - months.Sum()).Select(p => p.i))
        {
            months[i]++;
        }

        return months;
    }

    SyntheticCrime NewCrime(SyntheticLeaf leaf, Month month)
    {
        var code = Pick(leaf.Codes.Select(c => c.Share).ToArray(), leaf.Codes.Select(c => c.Code).ToArray());
        var day = 1 + _random.Next(DateTime.DaysInMonth(month.Year, month.MonthOfYear));
        var place = _places[PickIndex(_placeWeights)];
        return new SyntheticCrime(code, new DateOnly(month.Year, month.MonthOfYear, day), place.Lsoa, place.Ward);
    }

    /// <summary>Marks crimes: exactly Appendix A's counts in 2015 and 2016; other years at 2015's rate among the crimes that can carry the marker.</summary>
    void AssignMarkers(SortedDictionary<int, List<SyntheticCrime>> byYear)
    {
        foreach (var (marker, y2015, y2016, eligible) in SyntheticTargets.MarkerCounts)
        {
            var eligible2015 = byYear.TryGetValue(2015, out var crimes2015) ? crimes2015.Count(c => eligible(c.Code)) : 0;
            var rate = eligible2015 == 0 ? 0 : (double)y2015 / eligible2015;
            foreach (var (year, crimes) in byYear)
            {
                var candidates = crimes.Where(c => eligible(c.Code)).ToArray();
                var wanted = year switch
                {
                    2015 => y2015,
                    2016 => y2016,
                    _ => (int)Math.Round(rate * candidates.Length),
                };
                if (wanted > candidates.Length)
                {
                    throw new InvalidOperationException($"Too few crimes can carry {marker} in {year}: {candidates.Length} for {wanted}.");
                }

                foreach (var crime in candidates.OrderBy(_ => _random.Next()).Take(wanted))
                {
                    crime.Markers.Add(marker);
                }
            }
        }
    }

    void FillPeople(SyntheticCrime crime, int year)
    {
        var child = crime.Markers.Contains(Markers.ChildAbuse) || crime.Markers.Contains(Markers.ChildSexualAbuse) || crime.Markers.Contains(Markers.ChildSexualExploitation);
        var domestic = crime.Markers.Contains(Markers.DomesticAbuse);
        var sexual = OffenceCodes.TryFind(crime.Code, out var offence) && offence.Group == "Sexual offences";
        crime.VictimAge = child ? 4 + _random.Next(14) : Math.Clamp((int)Math.Round(38 + (16 * Gaussian())), 16, 95);
        crime.VictimSex = _random.NextDouble() < (domestic ? 0.75 : sexual ? 0.85 : 0.45) ? "F" : "M";
        var offenderKnown = _random.NextDouble() < (domestic ? 0.95 : 0.55);
        crime.OffenderAge = offenderKnown ? Math.Clamp((int)Math.Round(30 + (11 * Gaussian())), 12, 85) : null;
        crime.OffenderSex = offenderKnown ? (_random.NextDouble() < 0.82 ? "M" : "F") : "U";
        var violenceWithoutInjury = offence is { Subgroup: "Violence without injury" or "Stalking and harassment" };
        var noSupport = year switch { <= 2013 => 0.05, 2014 => 0.12, 2015 => 0.2, _ => 0.24 }
            * (violenceWithoutInjury ? 1.3 : offence is { Group: "Violence against the person" } ? 0.8 : 0.3)
            * (domestic ? 1.4 : 1);
        crime.VictimSupports = _random.NextDouble() >= noSupport;
    }

    static void WriteExtract(string path, List<SyntheticCrime> crimes)
    {
        var text = new StringBuilder();
        text.Append("Synthetic,CrimeRef,RecordedDate,HOCode,OffenceDescription,LSOA,Ward,VictimAge,VictimSex,OffenderAge,OffenderSex,VictimSupport");
        foreach (var (_, column) in MarkerColumns)
        {
            text.Append(',').Append(column);
        }

        text.Append('\n');
        var sequence = 0;
        foreach (var c in crimes)
        {
            sequence++;
            var description = OffenceCodes.TryFind(c.Code, out var offence) ? offence.Description : string.Empty;
            text.Append(CultureInfo.InvariantCulture,
                $"synthetic,SYN-{c.Date.Year}-{sequence:D6},{c.Date:yyyy-MM-dd},{c.Code},\"{description.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{c.Lsoa},{c.Ward},{c.VictimAge},{c.VictimSex},{c.OffenderAge},{c.OffenderSex},{(c.VictimSupports ? "Y" : "N")}");
            foreach (var (key, _) in MarkerColumns)
            {
                text.Append(c.Markers.Contains(key) ? ",Y" : ",N");
            }

            text.Append('\n');
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    static ExtractMapping Mapping(string areaName, Period period, int seed) => new()
    {
        Description = $"SYNTHETIC extract made by csa synth extract (seed {seed}) for {areaName}, {period}: not real crime data. " +
            "This mapping is also the documented example of a mapping: columns name the extract's columns; markers name each marker's flag column.",
        Synthetic = true,
        Columns = new ExtractColumns
        {
            CrimeReference = "CrimeRef",
            RecordedDate = "RecordedDate",
            OffenceCode = "HOCode",
            OffenceDescription = "OffenceDescription",
            Lsoa = "LSOA",
            Ward = "Ward",
            VictimAge = "VictimAge",
            VictimSex = "VictimSex",
            OffenderAge = "OffenderAge",
            OffenderSex = "OffenderSex",
            VictimSupportsRecording = "VictimSupport",
        },
        DateFormats = ["yyyy-MM-dd"],
        Markers = MarkerColumns.ToDictionary(m => m.Key, m => m.Column),
        YesNoValues = new Dictionary<string, bool> { ["Y"] = true, ["N"] = false },
        SexValues = new Dictionary<string, Sex> { ["F"] = Sex.Female, ["M"] = Sex.Male, ["U"] = Sex.Unknown },
    };

    string Pick(double[] weights, string[] values) => values[PickIndex(weights)];

    int PickIndex(double[] weights)
    {
        var u = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    double Gaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    sealed class SyntheticCrime(string code, DateOnly date, string lsoa, string ward)
    {
        public string Code { get; } = code;

        public DateOnly Date { get; } = date;

        public string Lsoa { get; } = lsoa;

        public string Ward { get; } = ward;

        public HashSet<string> Markers { get; } = new(StringComparer.Ordinal);

        public int VictimAge { get; set; }

        public string VictimSex { get; set; } = "U";

        public int? OffenderAge { get; set; }

        public string OffenderSex { get; set; } = "U";

        public bool VictimSupports { get; set; }
    }
}
