using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Csa.Architecture.Tests;

/// <summary>Every allowed project reference and <c>using</c>, checked three ways: the project files, the compiled assemblies
/// and the source files' namespaces. A layer that reaches outward fails here, naming the file.</summary>
public partial class LayerTests
{
    public static TheoryData<string> ProjectNames => [.. Layers.Allowed.Keys];

    [Fact]
    public void EveryProject_HasItsLayerStated()
    {
        Assert.Equal(Layers.Allowed.Keys.Order(StringComparer.Ordinal), Layers.Projects.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void ProjectFile_ReferencesOnlyAllowedProjects(string project)
    {
        var file = Path.Combine(Layers.Source, project, project + ".csproj");
        var references = XDocument.Load(file).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!));

        Assert.All(references, r => Assert.Contains(r, Layers.Allowed[project]));
    }

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void Assembly_ReferencesOnlyAllowedProjects(string project)
    {
        var references = Assembly.Load(AssemblyNameOf(project)).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Csa.", StringComparison.Ordinal));

        Assert.All(references, r => Assert.Contains(r, Layers.Allowed[project]));
    }

    [Theory]
    [MemberData(nameof(ProjectNames))]
    public void SourceFiles_UseOnlyAllowedNamespaces(string project)
    {
        var offences = new List<string>();
        foreach (var file in Layers.SourceFiles(project))
        {
            foreach (Match use in CsaNamespace().Matches(File.ReadAllText(file)))
            {
                var layer = LayerOf(use.Groups["ns"].Value);
                if (layer != project && !Layers.Allowed[project].Contains(layer))
                {
                    offences.Add($"{Relative(file)}: {use.Value.Trim()}");
                }
            }
        }

        Assert.Empty(offences);
    }

    [Fact]
    public void OnlyTheCompositionRoot_NamesAStoreBackend()
    {
        var offences = Layers.Projects
            .Where(p => !Layers.Backends.Contains(p))
            .SelectMany(Layers.SourceFiles)
            .Where(f => !Layers.MayNameABackend.Contains(Relative(f)))
            .Where(f => CsaNamespace().Matches(File.ReadAllText(f)).Any(m => Layers.Backends.Contains(LayerOf(m.Groups["ns"].Value))))
            .Select(Relative);

        Assert.Empty(offences);
    }

    [Fact]
    public void Core_ReferencesNoPackage()
    {
        var references = Assembly.Load("Csa.Core").GetReferencedAssemblies().Select(a => a.Name!);

        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", name));
    }

    [Fact]
    public void NoSourceFile_ReadsTheSystemClock()
    {
        var offenders = Layers.Projects.SelectMany(Layers.SourceFiles)
            .Where(file => File.ReadAllText(file) is var text
                && (text.Contains("DateTime.Now", StringComparison.Ordinal) || text.Contains("DateTime.UtcNow", StringComparison.Ordinal)))
            .Select(Relative);

        Assert.Empty(offenders);
    }

    /// <summary>The name of the assembly a project builds (the CLI's is <c>csa</c>).</summary>
    static string AssemblyNameOf(string project) =>
        XDocument.Load(Path.Combine(Layers.Source, project, project + ".csproj")).Descendants("AssemblyName").Select(e => e.Value).FirstOrDefault() ?? project;

    /// <summary>The csa project a namespace belongs to: the longest project name it starts with.</summary>
    static string LayerOf(string ns) =>
        Layers.Allowed.Keys.Where(p => ns == p || ns.StartsWith(p + ".", StringComparison.Ordinal)).MaxBy(p => p.Length) ?? ns;

    static string Relative(string file) => Path.GetRelativePath(Csa.Tests.TestPaths.RepositoryRoot, file).Replace('\\', '/');

    /// <summary>A <c>using</c> of a csa namespace, or a csa type named in full (<c>Csa.Storage.DuckDb.DuckDbStore</c>).</summary>
    [GeneratedRegex(@"(?:^\s*using\s+(?:static\s+)?(?:\w+\s*=\s*)?|[^\w.])(?<ns>Csa(?:\.[A-Z]\w*)+)", RegexOptions.Multiline)]
    private static partial Regex CsaNamespace();
}
