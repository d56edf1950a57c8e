using Csa.Core.Extract;
using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Core.PoliceUk;
using Csa.Core.Security;
using Csa.Core;
using Csa.Ingest.Boundaries;
using Csa.Ingest.Geography;
using Csa.Ingest.PoliceUk;
using Csa.Ingest.Population;
using Csa.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Csa.Storage.Contract.Tests;

/// <summary>Every behaviour of <see cref="ICsaStore"/>, written once and run against each backend (a class per backend
/// derives from this one). Expected values come from the bundled real files themselves (<see cref="Expected"/>), never
/// from another store; the same-answers test compares the backends with each other.</summary>
public abstract class StoreContract
{
    protected static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    static readonly Area Huntingdonshire = new("E07000011", "Huntingdonshire", AreaLevel.District, null);

    /// <summary>The backend's name, for messages.</summary>
    protected abstract string Backend { get; }

    /// <summary>The newest schema version of the backend.</summary>
    protected abstract int LatestSchemaVersion { get; }

    /// <summary>Opens the test's store (the same one each time within a test; empty the first time).</summary>
    protected abstract Task<ICsaStore> OpenAsync();

    /// <summary>A path in the test's scratch folder.</summary>
    protected abstract string NewScratchFile(string name);

    /// <summary>Runs SQL on the test's database directly, not through csa (the store must be closed).</summary>
    protected abstract Task ExecuteRawAsync(string sql);

    [SkippableFact]
    public async Task Open_ADatabaseThatIsNotACsaStore_IsRefused()
    {
        await ExecuteRawAsync("CREATE TABLE someone_elses (id INTEGER)");

        var error = await Assert.ThrowsAsync<CsaStoreException>(OpenAsync);

        Assert.Contains("not a csa store", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Open_AStoreOfANewerCsa_IsRefused()
    {
        await (await OpenAsync()).DisposeAsync();
        await ExecuteRawAsync($"INSERT INTO csa_schema VALUES ({LatestSchemaVersion + 1}, TIMESTAMPTZ '2030-01-01 00:00:00+00', 'a newer csa')");

        var error = await Assert.ThrowsAsync<CsaStoreException>(OpenAsync);

        Assert.Contains("newer csa", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Open_ANewStore_HasTheLatestSchemaAndEveryTableEmpty()
    {
        await using var store = await OpenAsync();

        Assert.Equal(LatestSchemaVersion, store.Info.SchemaVersion);
        Assert.Equal(0, store.Info.MigratedFrom);
        var counts = await store.GetTableCountsAsync();
        Assert.Equal(
            ["atlas_key", "atlas_login_failure", "atlas_user", "boundary", "deprivation", "district_hierarchy", "district_population", "extract_crime", "extract_marker", "import_file",
             "lsoa_area", "lsoa_vintage_link", "lsoa_ward_district", "outcome_event", "partner_series", "population", "recorded_crime",
             "recorded_crime_quarter", "street_record"],
            counts.Keys);
        Assert.All(counts.Values, n => Assert.Equal(0, n));
    }

    [SkippableFact]
    public async Task Reopen_KeepsTheDataAndTheSchema()
    {
        await using (var store = await OpenAsync())
        {
            await ImportLookupsAsync(store);
        }

        await using var reopened = await OpenAsync();

        Assert.Equal(LatestSchemaVersion, reopened.Info.SchemaVersion);
        Assert.Null(reopened.Info.MigratedFrom);
        Assert.Equal(Expected.Rows(TestPaths.LsoaWardDistrict).Count, (await reopened.GetTableCountsAsync())["lsoa_ward_district"]);
    }

    [SkippableFact]
    public async Task PoliceUkImport_HoldsEveryRowOfEveryFile_AndLedgersEachFile()
    {
        await using var store = await OpenAsync();

        await new PoliceUkImporter(store).ImportAsync([TestPaths.Cambridgeshire]);

        var counts = await store.GetTableCountsAsync();
        Assert.Equal(Expected.StreetFiles.Sum(f => Expected.Rows(f).Count), counts["street_record"]);
        Assert.Equal(Expected.OutcomesFiles.Sum(f => Expected.Rows(f).Count), counts["outcome_event"]);
        var ledger = await store.GetImportedFilesAsync();
        Assert.Equal(
            Expected.StreetFiles.Select(f => ("street", Path.GetFileName(f), Expected.Sha256(f), (long)Expected.Rows(f).Count))
                .Concat(Expected.OutcomesFiles.Select(f => ("outcomes", Path.GetFileName(f), Expected.Sha256(f), (long)Expected.Rows(f).Count)))
                .Order(),
            ledger.Select(f => (f.Kind, Path.GetFileName(f.Source.Name), f.Source.Sha256, f.Rows)).Order());
        Assert.All(ledger, f => Assert.Equal(Clock.GetUtcNow(), f.ImportedAt));
        Assert.Equal(
            Expected.StreetFiles.Select(f => Path.GetFileName(f)[..7]),
            (await store.GetHeldStreetMonthsAsync(null)).Select(m => m.Month.ToString()));
    }

    [SkippableFact]
    public async Task PoliceUkImport_Twice_ReplacesEachFileAndChangesNoCount()
    {
        await using var store = await OpenAsync();
        await new PoliceUkImporter(store).ImportAsync([TestPaths.Cambridgeshire]);
        var before = await store.GetTableCountsAsync();

        var again = await new PoliceUkImporter(store).ImportAsync([TestPaths.Cambridgeshire]);

        Assert.Equal(before, await store.GetTableCountsAsync());
        Assert.Equal(Expected.StreetFiles.Count + Expected.OutcomesFiles.Count, again.Replaced.Count);
        Assert.All(again.Replaced, r => Assert.True(r.Identical, $"{r.ForceSlug} {r.Month} {r.Kind}"));
    }

    [SkippableFact]
    public async Task PoliceUkImport_ABadRowAnywhere_ChangesNothing()
    {
        await using var store = await OpenAsync();
        await ImportLookupsAsync(store);
        var before = await store.GetTableCountsAsync();
        var folder = NewScratchFile("cambridgeshire");
        foreach (var file in Expected.StreetFiles)
        {
            var copy = Path.Combine(folder, Path.GetFileName(file));
            Directory.CreateDirectory(folder);
            File.Copy(file, copy);
        }

        // SYNTHETIC damage: the last file's last anti-social behaviour row gets a crime type data.police.uk does not publish.
        var last = Path.Combine(folder, Path.GetFileName(Expected.StreetFiles[^1]));
        var lines = File.ReadAllLines(last);
        var damaged = Array.FindLastIndex(lines, l => l.Contains(",Anti-social behaviour,", StringComparison.Ordinal));
        lines[damaged] = lines[damaged].Replace(",Anti-social behaviour,", ",Assault,", StringComparison.Ordinal);
        File.WriteAllLines(last, lines);

        var error = await Assert.ThrowsAsync<CsaImportException>(() => new PoliceUkImporter(store).ImportAsync([folder]));

        var issue = Assert.Single(error.Issues);
        Assert.Equal((last, damaged + 1), (issue.File, issue.Line));
        Assert.Contains("'Assault'", issue.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await store.GetTableCountsAsync());
    }

    [SkippableFact]
    public async Task PoliceUkBatch_DisposedUncommitted_ChangesNothing()
    {
        await using var store = await OpenAsync();
        var month = Month.Parse("2019-07");
        var columns = new StreetRecordColumns();
        columns.Add(new StreetRecord(null, month, "Cambridgeshire Constabulary", "Cambridgeshire Constabulary", 0.1, 52.3, "On or near Main Street", "E01018181", "Huntingdonshire 001A", "Anti-social behaviour", null, null, 2));
        var file = new ValidatedPoliceUkFile(PoliceUkFileKind.Street, "cambridgeshire", month, new SourceFile("synthetic-street.csv", new string('0', 64), 1), columns, null);

        await using (var batch = await store.BeginPoliceUkImportAsync())
        {
            await batch.AddFileAsync(file);
        }

        Assert.Equal(0, (await store.GetTableCountsAsync())["street_record"]);
        Assert.Empty(await store.GetImportedFilesAsync());

        await using (var batch = await store.BeginPoliceUkImportAsync())
        {
            await batch.AddFileAsync(file);
            await batch.CommitAsync();
        }

        Assert.Equal(1, (await store.GetTableCountsAsync())["street_record"]);
    }

    [SkippableFact]
    public async Task Count_ADistrict_CountsTheFilesRowsInItsLsoas()
    {
        await using var store = await OpenAsync();
        await ImportLookupsAsync(store);
        await new PoliceUkImporter(store).ImportAsync([TestPaths.Cambridgeshire]);
        var lsoas = Expected.LsoasOf(Huntingdonshire.Code);
        var rows = Expected.StreetFiles.SelectMany(Expected.Rows).Where(r => lsoas.Contains(r["LSOA code"])).ToList();
        var period = Period.Parse("2019-07..2019-09");

        var counts = await store.CountAsync(new CountQuery(Huntingdonshire, period, CountGrouping.Month | CountGrouping.CrimeType));

        var expected = rows.GroupBy(r => (Month: r["Month"], Type: r["Crime type"], Asb: r["Crime type"] == "Anti-social behaviour"))
            .Select(g => (g.Key.Month, g.Key.Type, g.Key.Asb, (long)g.Count()))
            .OrderBy(g => g.Month, StringComparer.Ordinal).ThenBy(g => g.Type, StringComparer.Ordinal);
        Assert.Equal(expected, counts.Select(c => (c.Month!.Value.ToString(), c.CrimeType!, c.IsAntiSocialBehaviour, c.Count)));
        var byWard = await store.CountAsync(new CountQuery(Huntingdonshire, period, CountGrouping.Ward));
        Assert.Equal(rows.Count, byWard.Sum(c => c.Count));
        Assert.Equal(byWard.OrderBy(c => c.WardCode, StringComparer.Ordinal).ThenBy(c => c.IsAntiSocialBehaviour).Select(c => (c.WardCode, c.IsAntiSocialBehaviour)), byWard.Select(c => (c.WardCode, c.IsAntiSocialBehaviour)));
    }

    [SkippableFact]
    public async Task Areas_AreFoundByCodeOrName_AndListTheirPlaces()
    {
        await using var store = await OpenAsync();
        await ImportLookupsAsync(store);

        var byName = await store.FindAreasAsync("huntingdonshire");
        var byCode = await store.FindAreasAsync("e07000011");

        Assert.Equal([Huntingdonshire], byName);
        Assert.Equal([Huntingdonshire], byCode);
        Assert.Empty(await store.FindAreasAsync("Atlantis"));
        Assert.Equal(Expected.WardsOf(Huntingdonshire.Code), (await store.GetWardsAsync(Huntingdonshire)).Select(w => w.Code).Order(StringComparer.Ordinal));
        Assert.Equal(Expected.LsoasOf(Huntingdonshire.Code).Order(StringComparer.Ordinal), (await store.GetLsoasAsync(Huntingdonshire)).Select(l => l.Code));
        Assert.Equal(["E07000011"], await store.GetDistrictCodesAsync(Huntingdonshire));
        var districts = await store.GetAreasAsync(AreaLevel.District);
        Assert.Equal(Expected.Rows(TestPaths.LsoaWardDistrict).Select(r => r["LAD19CD"]).Distinct().Count(), districts.Count);
    }

    [SkippableFact]
    public async Task Quality_SplitsEveryRowOfAForceMonth()
    {
        await using var store = await OpenAsync();
        await ImportLookupsAsync(store);
        await new PoliceUkImporter(store).ImportAsync([TestPaths.Cambridgeshire]);

        var quality = await store.GetQualityAsync(null);

        Assert.Equal(Expected.StreetFiles.Count, quality.Count);
        foreach (var (file, q) in Expected.StreetFiles.Zip(quality))
        {
            var rows = Expected.Rows(file);
            Assert.Equal(rows.Count(r => r["Crime type"] != "Anti-social behaviour"), q.Crimes);
            Assert.Equal(rows.Count(r => r["Crime type"] == "Anti-social behaviour"), q.AntiSocialBehaviour);
            Assert.Equal(rows.Count(r => r["Longitude"].Length == 0), q.NoLocation);
            Assert.Equal(rows.Count(r => r["LSOA code"].Length == 0), q.NoLsoa);
        }
    }

    [SkippableFact]
    public async Task Accounts_AreAddedOnce_ChangedAndRemoved()
    {
        await using var store = await OpenAsync();
        var hash = PasswordHash.Create("a long enough password");

        await store.AddUserAsync("analyst", hash);
        var duplicate = await Assert.ThrowsAsync<CsaQueryException>(() => store.AddUserAsync("analyst", hash));
        var first = await store.GetUserAsync("analyst");
        var until = new DateTimeOffset(2026, 11, 30, 12, 15, 30, TimeSpan.Zero);
        await store.RecordLoginAsync("analyst", 3, until);
        var locked = await store.GetUserAsync("analyst");
        Assert.True(await store.SetPasswordAsync("analyst", PasswordHash.Create("another long password")));
        var changed = await store.GetUserAsync("analyst");

        Assert.Equal("An atlas account named 'analyst' exists already.", duplicate.Message);
        Assert.NotNull(first);
        Assert.True(PasswordHash.Verify("a long enough password", first.PasswordHash));
        Assert.Equal((3, until), (locked!.FailedAttempts, locked.LockedUntil));
        Assert.NotNull(changed);
        Assert.True(PasswordHash.Verify("another long password", changed.PasswordHash));
        Assert.NotEqual(first.SecurityStamp, changed.SecurityStamp);
        Assert.Equal((0, (DateTimeOffset?)null), (changed.FailedAttempts, changed.LockedUntil));
        Assert.False(await store.SetPasswordAsync("nobody", hash));
        Assert.True(await store.RemoveUserAsync("analyst"));
        Assert.False(await store.RemoveUserAsync("analyst"));
        Assert.Null(await store.GetUserAsync("analyst"));
    }

    [SkippableFact]
    public async Task Population_IsSummedOverTheAreasLsoas_AndReplacedByYear()
    {
        await using var store = await OpenAsync();
        await ImportLookupsAsync(store);
        var path = Path.Combine(TestPaths.Sample, "population", "lsoa11-population-mid2015.csv");
        var (year, populations, source) = await PopulationReader.ReadAsync(path, null);

        await store.ImportPopulationAsync(year, populations, source);
        await store.ImportPopulationAsync(year, populations, source);

        var lsoas = Expected.LsoasOf(Huntingdonshire.Code);
        var expected = Expected.Rows(path).Where(r => lsoas.Contains(r["lsoa_code"])).Sum(r => double.Parse(r["lsoa_total_population"], System.Globalization.CultureInfo.InvariantCulture));
        var held = await store.GetPopulationAsync(Huntingdonshire);
        Assert.Equal(2015, year);
        Assert.Equal(expected, held[2015], 9);
        Assert.Equal(populations.Count, (await store.GetTableCountsAsync())["population"]);
        Assert.Equal(expected, (await store.GetPlacePopulationsAsync(Huntingdonshire, PlaceLevel.Ward)).Where(p => p.Year == 2015).Sum(p => p.Population), 9);
    }

    [SkippableFact]
    public async Task Series_AreKeptByNameAndArea_AndReplaced()
    {
        await using var store = await OpenAsync();
        var counts = new List<(Month, long)> { (Month.Parse("2019-01"), 18), (Month.Parse("2019-02"), 0), (Month.Parse("2019-03"), 21) };
        var source = new SourceFile("synthetic-series.csv", new string('a', 64), 30);

        await store.ImportSeriesAsync("ambulance", Huntingdonshire, counts, source);
        await store.ImportSeriesAsync("ambulance", Huntingdonshire, counts[..2], source);

        Assert.Equal(counts[..2], await store.GetSeriesAsync("Ambulance", Huntingdonshire));
        Assert.Empty(await store.GetSeriesAsync("a-and-e", Huntingdonshire));
    }

    [SkippableFact]
    public async Task Boundaries_ComeBackAsImported()
    {
        await using var store = await OpenAsync();
        var path = Path.Combine(TestPaths.Sample, "boundaries", "ward", "E07000011.geojson");
        var (boundaries, source) = await BoundaryReader.ReadAsync(path);

        await store.ImportBoundariesAsync([new BoundaryFile(boundaries, source)]);
        await store.ImportBoundariesAsync([new BoundaryFile(boundaries, source)]);

        var held = await store.GetBoundariesAsync("ward", null);
        Assert.Equal(boundaries.OrderBy(b => b.Code, StringComparer.Ordinal), held);
        var one = boundaries[0].Code;
        Assert.Equal([one], (await store.GetBoundariesAsync("ward", [one])).Select(b => b.Code));
    }

    [SkippableFact]
    public async Task Deprivation_AndPopulation_MakeAreaIndicators()
    {
        await using var store = await OpenAsync();
        await ImportLookupsAsync(store);
        var (year, populations, populationSource) = await PopulationReader.ReadAsync(Path.Combine(TestPaths.Sample, "population", "lsoa11-population-mid2015.csv"), null);
        await store.ImportPopulationAsync(year, populations, populationSource);
        var deprivationPath = Path.Combine(TestPaths.Sample, "deprivation", "imd2019-rank-lsoa11.csv");
        var (ranks, source) = await DeprivationReader.ReadAsync(deprivationPath);
        await store.ImportDeprivationAsync(ranks, source);

        var indicators = await store.GetAreaIndicatorsAsync(AreaLevel.District, year);

        var lsoas = Expected.LsoasOf(Huntingdonshire.Code);
        var huntingdonshire = Assert.Single(indicators, i => i.Area.Code == Huntingdonshire.Code);
        Assert.Equal(lsoas.Where(ranks.ContainsKey).Average(l => (double)ranks[l]), huntingdonshire.MeanDeprivationRank, 9);
        Assert.Equal(indicators.Select(i => i.Area.Code).Order(StringComparer.Ordinal), indicators.Select(i => i.Area.Code));
    }

    [SkippableFact]
    public async Task Extract_IsHeldOncePerReference_AndCountedByOffenceMarkerAndPerson()
    {
        await using var store = await OpenAsync();
        await ImportLookupsAsync(store);
        var lsoas = Expected.LsoasOf(Huntingdonshire.Code).Order(StringComparer.Ordinal).Take(2).ToArray();
        var mapping = NewScratchFile("mapping.json");
        await File.WriteAllTextAsync(mapping, """
            { "synthetic": true,
              "columns": { "crimeReference": "Ref", "recordedDate": "Date", "offenceCode": "HO", "lsoa": "LSOA",
                           "victimAge": "VA", "victimSex": "VS", "offenderAge": "OA", "offenderSex": "OS" },
              "markers": { "domestic-abuse": "DA" },
              "yesNoValues": { "Y": true, "N": false, "": false },
              "sexValues": { "F": "female", "M": "male", "U": "unknown", "": "unknown" } }
            """);
        var extract = NewScratchFile("synthetic-extract.csv");
        await File.WriteAllLinesAsync(extract,
        [
            "Ref,Date,HO,LSOA,VA,VS,OA,OS,DA",
            $"S1,2016-01-15,105A,{lsoas[0]},34,F,29,M,Y",
            $"S2,2016-02-03,8N,{lsoas[1]},,M,41,M,N",
            $"S3,2016-02-20,105A,{lsoas[0]},17,F,,U,Y",
        ]);

        var first = await new Ingest.Extract.ExtractImporter(store).ImportAsync(extract, mapping);
        var again = await new Ingest.Extract.ExtractImporter(store).ImportAsync(extract, mapping);

        Assert.Equal((3, 0), (first.Result.Added, first.Result.Updated));
        Assert.Equal((0, 3), (again.Result.Added, again.Result.Updated));
        Assert.Equal(3, (await store.GetTableCountsAsync())["extract_crime"]);
        Assert.Equal(Period.Parse("2016-01..2016-02"), await store.GetExtractCoverageAsync());
        var district = Assert.Single(await store.GetExtractDistrictsAsync());
        Assert.Equal(Huntingdonshire.Code, district.District.Code);
        var year = Period.Parse("2016-01..2016-12");
        Assert.Equal(
            [("2016-01", "105A", "domestic-abuse", 1L), ("2016-01", "105A", null, 1L), ("2016-02", "105A", "domestic-abuse", 1L), ("2016-02", "105A", null, 1L), ("2016-02", "8N", null, 1L)],
            (await store.CountExtractAsync(Huntingdonshire, year)).Select(r => (r.Month.ToString(), r.OffenceCode, r.Marker, r.Count)));
        Assert.Equal(
            [(PersonRole.Offender, 29, Core.Extract.Sex.Male, 1L), (PersonRole.Offender, 41, Core.Extract.Sex.Male, 1L), (PersonRole.Offender, (int?)null, Core.Extract.Sex.Unknown, 1L),
             (PersonRole.Victim, 17, Core.Extract.Sex.Female, 1L), (PersonRole.Victim, 34, Core.Extract.Sex.Female, 1L), (PersonRole.Victim, null, Core.Extract.Sex.Male, 1L)],
            (await store.CountExtractPeopleAsync(Huntingdonshire, year, null)).Select(r => (r.Role, r.Age, r.Sex, r.Count)));
        Assert.Equal(
            [(PersonRole.Offender, 29, Core.Extract.Sex.Male, 1L), (PersonRole.Offender, (int?)null, Core.Extract.Sex.Unknown, 1L),
             (PersonRole.Victim, 17, Core.Extract.Sex.Female, 1L), (PersonRole.Victim, 34, Core.Extract.Sex.Female, 1L)],
            (await store.CountExtractPeopleAsync(Huntingdonshire, year, "domestic-abuse")).Select(r => (r.Role, r.Age, r.Sex, r.Count)));
    }

    [SkippableFact]
    public async Task RecordedCrime_IsHeldByQuarter_AndAReimportChangesNothing()
    {
        await using var store = await OpenAsync();
        await ImportLookupsAsync(store);
        var path = Directory.GetFiles(Path.Combine(TestPaths.Sample, "prc"), "*.csv").Single();
        var release = new DateTimeOffset(2023, 10, 19, 9, 30, 0, TimeSpan.Zero);
        var rows = Expected.Rows(path);

        await new Ingest.Official.RecordedCrimeImporter(store, Clock).ImportAsync([path], release);
        await new Ingest.Official.RecordedCrimeImporter(store, Clock).ImportAsync([path], release);

        var quarters = await store.GetRecordedCrimeQuartersAsync(Core.Official.RecordedCrimeLevel.Force);
        var held = await store.GetRecordedCrimeAsync(Core.Official.RecordedCrimeLevel.Force, "northumbria");
        Assert.Equal(rows.Select(r => (r["Financial Year"], r["Financial Quarter"])).Distinct().Count(), quarters.Count);
        Assert.All(quarters, q => Assert.Equal(release, q.Release));
        Assert.Equal(rows.Count, held.Count);
        Assert.Equal(rows.Sum(r => long.Parse(r["Number of Offences"], System.Globalization.CultureInfo.InvariantCulture)), held.Sum(r => r.Count));
        Assert.Equal(held.OrderBy(r => r.Year.StartYear).ThenBy(r => r.Quarter).ThenBy(r => r.OffenceCode, StringComparer.Ordinal), held);
        Assert.Equal(held, await store.GetRecordedCrimeAsync(Core.Official.RecordedCrimeLevel.Force, "E23000007"));
    }

    [SkippableFact]
    public async Task ForceStreetCounts_AreTheFilesCrimesByMonthAndType()
    {
        await using var store = await OpenAsync();
        await new PoliceUkImporter(store).ImportAsync([TestPaths.Cambridgeshire]);

        var counts = await store.CountForceStreetAsync("cambridgeshire", Period.Parse("2019-07..2019-09"));

        var expected = Expected.StreetFiles.SelectMany(Expected.Rows).Where(r => r["Crime type"] != "Anti-social behaviour")
            .GroupBy(r => (r["Month"], r["Crime type"])).Select(g => (g.Key.Item1, g.Key.Item2, (long)g.Count()))
            .OrderBy(g => g.Item1, StringComparer.Ordinal).ThenBy(g => g.Item2, StringComparer.Ordinal);
        Assert.Equal(expected, counts.Select(c => (c.Month.ToString(), c.CrimeType, c.Count)));
    }

    [SkippableFact]
    public async Task DistrictPopulation_IsTheDenominatorOfADistrictAndItsPartnership()
    {
        await using var store = await OpenAsync();
        await ImportLookupsAsync(store);
        var source = new SourceFile("synthetic-district-population.csv", new string('b', 64), 100);

        // SYNTHETIC estimates: round numbers, so that the sums are plain to read.
        await store.ImportDistrictPopulationAsync([new("E07000011", "Huntingdonshire", 2016, 177_000), new("E07000011", "Huntingdonshire", 2017, 178_500)], source);
        await store.ImportDistrictPopulationAsync([new("E07000011", "Huntingdonshire", 2017, 179_000)], source);

        var expected = new Dictionary<int, double> { [2016] = 177_000, [2017] = 179_000 };
        Assert.Equal(expected, await store.GetPopulationAsync(Huntingdonshire));
        var partnership = Assert.Single(await store.FindAreasAsync("E22000016"));
        Assert.Equal(expected, await store.GetPopulationAsync(partnership));

        // Cambridgeshire's force area is six districts, of which one is held: no partial sum is given for it.
        var forceArea = Assert.Single(await store.FindAreasAsync("E23000023"));
        Assert.Empty(await store.GetPopulationAsync(forceArea));
    }

    [SkippableFact]
    public async Task Places_PlaceEveryLsoaOfTheLookup()
    {
        await using var store = await OpenAsync();
        await ImportLookupsAsync(store);

        var places = await store.GetPlacesAsync();

        var lookup = Expected.Rows(TestPaths.LsoaWardDistrict);
        Assert.All(lookup, r => Assert.Equal((r["WD19CD"], r["LAD19CD"]), places.LsoaPlaces[r["LSOA11CD"]]));
        Assert.Equal(lookup.Select(r => r["WD19CD"]).Distinct().Count(), places.WardDistricts.Count);
    }

    static async Task ImportLookupsAsync(ICsaStore store)
    {
        foreach (var file in new[] { TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy, TestPaths.LsoaVintages })
        {
            var (lookup, source) = await GeographyLookupReader.ReadAsync(file);
            await store.ImportGeographyAsync(lookup, source);
        }
    }
}
