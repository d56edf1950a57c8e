using Csa.Storage.DuckDb;
using Csa.Web.Extensions;
using Microsoft.Extensions.Options;

// The atlas on its own (the test host; csa serve composes it with the store it is given): a DuckDB store file,
// Atlas:StorePath, shared read-only between requests.
var builder = WebApplication.CreateBuilder(args);
builder.AddCsaAtlas(services =>
{
    var atlas = services.GetRequiredService<IOptions<AtlasOptions>>().Value;
    return new DuckDbStoreReaders(atlas.StorePath, atlas.KeepAnswers, services.GetRequiredService<TimeProvider>());
});
var app = builder.Build();
app.MapCsaAtlas();
app.Run();

/// <summary>The atlas's entry point (public for the test host).</summary>
public partial class Program;
