using Csa.Core.PoliceUk;
using Csa.Tests;

namespace Csa.Core.Tests;

public class PoliceForcesTests
{
    [Fact]
    public void EveryPoliceForceAreaName_InTheBundledOnsLookup_FindsItsForce()
    {
        var areas = File.ReadLines(Path.Combine(TestPaths.Sample, "geography", "lad19-csp19-pfa19.csv")).Skip(1)
            .Select(ParseLast2).Distinct().ToArray();

        Assert.Equal(43, areas.Length);
        Assert.All(areas, a => Assert.True(PoliceForces.TryFind(a.Name, out var force) && force.PoliceForceAreaCode == a.Code, $"{a.Name} ({a.Code})"));
    }

    [Theory]
    [InlineData("Metropolitan Police", "metropolitan")]
    [InlineData("London, City of", "city-of-london")]
    [InlineData("Devon and Cornwall", "devon-and-cornwall")]
    [InlineData("British Transport Police", "btp")]
    [InlineData("thames-valley", "thames-valley")]
    [InlineData("E23000023", "cambridgeshire")]
    [InlineData("cambridgeshire constabulary", "cambridgeshire")]
    public void TheHomeOfficesAndUsersNames_FindTheForce(string name, string slug)
    {
        Assert.True(PoliceForces.TryFind(name, out var force));
        Assert.Equal(slug, force.Slug);
    }

    [Fact]
    public void AnUnknownName_FindsNothing() => Assert.False(PoliceForces.TryFind("Atlantis", out _));

    /// <summary>The last two fields of a lookup line (PFA19CD, PFA19NM), read quote-aware: names may hold commas.</summary>
    static (string Code, string Name) ParseLast2(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return (fields[^2], fields[^1]);
    }
}
