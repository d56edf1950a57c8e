using Csa.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddCsaAtlas();
var app = builder.Build();
app.MapCsaAtlas();
app.Run();

/// <summary>The atlas's entry point (public for the test host).</summary>
public partial class Program;
