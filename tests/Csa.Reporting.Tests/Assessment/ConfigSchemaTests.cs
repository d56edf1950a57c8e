using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Csa.Reporting.Assessment;
using Csa.Tests;

namespace Csa.Reporting.Tests.Assessment;

public class ConfigSchemaTests
{
    [Fact]
    public void Schema_NamesExactlyTheConfigsKeysAndSections()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "report-config.schema.json")));
        var properties = schema.RootElement.GetProperty("properties");
        var keys = properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        var configKeys = typeof(AssessmentConfig).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Order(StringComparer.Ordinal);
        var sections = properties.GetProperty("sections").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString());

        Assert.Equal(configKeys, keys);
        Assert.Equal(AssessmentConfig.KnownSections, sections);
    }
}
