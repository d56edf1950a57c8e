using Csa.Core;
using Csa.Ingest.Extract;
using Csa.Ingest.Geography;
using Csa.Ingest.PoliceUk;
using Csa.Ingest.Population;
using Csa.Ingest.Series;
using Csa.Ingest.Synthetic;
using Csa.Storage.DuckDb;
using Csa.Tests;

namespace Csa.Reporting.Tests.Assessment;

/// <summary>A real store holding what the demo holds: the ONS lookups, Northumbria's street files and its Home Office recorded
/// crime, Newcastle's ward and LSOA boundaries, the mid-2015 and mid-2022 populations, the SYNTHETIC Huntingdonshire extract and the SYNTHETIC ambulance series.</summary>
public sealed class ReportStoreFixture : IAsyncLifetime
{
    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();

    public DuckDbStore Store { get; private set; } = null!;

    public static string Examples => Path.Combine(TestPaths.RepositoryRoot, "data", "examples");

    /// <summary>The bundled Home Office table of Northumbria's recorded crime.</summary>
    public static string PrcSample => Path.Combine(TestPaths.Sample, "prc", "prc-pfa-2012-13_to_2023-24q1-northumbria-191023.csv");

    public async Task InitializeAsync()
    {
        Store = await DuckDbStore.OpenAsync(_scratch.File("report.duckdb"), TimeProvider.System);
        foreach (var file in new[] { TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy, TestPaths.LsoaVintages })
        {
            var (lookup, source) = await GeographyLookupReader.ReadAsync(file);
            await Store.ImportGeographyAsync(lookup, source);
        }

        await new PoliceUkImporter(Store).ImportAsync([TestPaths.NorthumbriaZip]);
        var (year, populations, populationSource) = await PopulationReader.ReadAsync(Path.Combine(TestPaths.Sample, "population", "lsoa21-population-mid2022.csv"), null);
        await Store.ImportPopulationAsync(year, populations, populationSource);
        await new Ingest.Official.RecordedCrimeImporter(Store, TimeProvider.System).ImportAsync([PrcSample], null);

        // Newcastle's ward and 2011 LSOA boundaries and the mid-2015 LSOA population: the map and the hot spots.
        var boundaries = new List<Storage.BoundaryFile>();
        foreach (var kind in new[] { "ward", "lsoa11" })
        {
            var (read, boundarySource) = await Ingest.Boundaries.BoundaryReader.ReadAsync(Path.Combine(TestPaths.Sample, "boundaries", kind, "E08000021.geojson"), Ingest.Boundaries.BoundaryReader.DefaultTolerance);
            boundaries.Add(new(read, boundarySource));
        }

        await Store.ImportBoundariesAsync(boundaries);
        var (year2015, populations2015, source2015) = await PopulationReader.ReadAsync(Path.Combine(TestPaths.Sample, "population", "lsoa11-population-mid2015.csv"), null);
        await Store.ImportPopulationAsync(year2015, populations2015, source2015);
        var places = await Store.GetPlacesAsync();
        var huntingdonshire = places.LsoaPlaces.Where(p => p.Value.District == "E07000011").Select(p => (p.Key, p.Value.Ward)).ToArray();
        var extract = _scratch.File("extract");
        new SyntheticExtractGenerator(huntingdonshire, 1).Write(extract, "Huntingdonshire", Period.Parse("2011-03..2017-02"), 1);
        await new ExtractImporter(Store).ImportAsync(Path.Combine(extract, SyntheticExtractGenerator.ExtractFileName), Path.Combine(extract, SyntheticExtractGenerator.MappingFileName));
        var area = (await Store.FindAreasAsync("E07000011")).Single();
        var (counts, seriesSource) = await PartnerSeriesReader.ReadAsync(Path.Combine(Examples, "synthetic-ambulance-callouts-huntingdonshire.csv"));
        await Store.ImportSeriesAsync("Ambulance call-outs (assault)", area, counts, seriesSource);
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        _scratch.Dispose();
    }
}
