using Csa.Core.Security;
using Csa.Ingest.Geography;
using Csa.Ingest.PoliceUk;
using Csa.Storage.DuckDb;
using Csa.Tests;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Csa.Web.Tests;

/// <summary>A real store (ONS lookups, Cambridgeshire's street files, one account) and the atlas over it,
/// restricted and public.</summary>
public sealed class AtlasStoreFixture : IAsyncLifetime
{
    public const string User = "analyst";
    public const string Password = "a long enough password";

    readonly ScratchFolder _scratch = TestPaths.NewScratchFolder();

    public string StorePath => _scratch.File("atlas.duckdb");

    public async Task InitializeAsync()
    {
        await using var store = await DuckDbStore.OpenAsync(StorePath, TimeProvider.System);
        foreach (var file in new[] { TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy })
        {
            var (lookup, source) = await GeographyLookupReader.ReadAsync(file);
            await store.ImportGeographyAsync(lookup, source);
        }

        await new PoliceUkImporter(store).ImportAsync([TestPaths.Cambridgeshire]);
        await store.AddUserAsync(User, PasswordHash.Create(Password));
        var (wards, boundarySource) = await Csa.Ingest.Boundaries.BoundaryReader.ReadAsync(Path.Combine(TestPaths.Sample, "boundaries", "ward", "E07000011.geojson"));
        await store.ImportBoundariesAsync(wards, boundarySource);
    }

    public WebApplicationFactory<Program> Atlas(bool isPublic) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Atlas:StorePath", StorePath);
            builder.UseSetting("Atlas:Public", isPublic ? "true" : "false");
        });

    public Task DisposeAsync()
    {
        _scratch.Dispose();
        return Task.CompletedTask;
    }
}
