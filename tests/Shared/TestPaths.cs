namespace Csa.Tests;

/// <summary>Where the repository, its bundled sample and scratch folders are, for every test project.</summary>
static class TestPaths
{
    /// <summary>The repository root: the folder holding Csa.slnx, found from the test's output folder upwards.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The bundled real sample (data.police.uk, ONS lookups), under the Open Government Licence.</summary>
    public static string Sample => Path.Combine(RepositoryRoot, "data", "sample");

    /// <summary>The bundled Cambridgeshire folder (2019-07..2019-09: street, outcomes, stop-and-search).</summary>
    public static string Cambridgeshire => Path.Combine(Sample, "police-uk", "cambridgeshire");

    /// <summary>The bundled Northumbria archive (street files 2020-05..2023-02, with 2022-01 missing).</summary>
    public static string NorthumbriaZip => Path.Combine(Sample, "police-uk", "northumbria-2020-05_2023-02-street.zip");

    /// <summary>The real national slice: British Transport Police (no 2019-09), Bedfordshire, Thames Valley (no 2019-07).</summary>
    public static string NationalSlice => Path.Combine(Sample, "police-uk", "national-2019-q3-slice.zip");

    /// <summary>The bundled LSOA → ward → district lookup.</summary>
    public static string LsoaWardDistrict => Path.Combine(Sample, "geography", "lsoa11-ward19-lad19.csv");

    /// <summary>The bundled district → partnership → force area lookup.</summary>
    public static string DistrictHierarchy => Path.Combine(Sample, "geography", "lad19-csp19-pfa19.csv");

    /// <summary>The bundled 2011 → 2021 LSOA lookup.</summary>
    public static string LsoaVintages => Path.Combine(Sample, "geography", "lsoa11-lsoa21-lad22.csv");

    /// <summary>The shared real data beside the repository (../shared/data), when it is there.</summary>
    public static string? SharedData
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>A file of the shared real data (../shared/data), for tests that must run where it is, as in CI: never skipped.</summary>
    /// <exception cref="InvalidOperationException">../shared/data is not beside the repository.</exception>
    public static string SharedFile(params string[] parts) =>
        Path.Combine([SharedData ?? throw new InvalidOperationException("../shared/data is not beside the repository; these tests read it, as CI does."), .. parts]);

    /// <summary>A new empty scratch folder, deleted by <see cref="ScratchFolder.Dispose"/>.</summary>
    public static ScratchFolder NewScratchFolder() => new();

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Csa.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Csa.slnx) above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder for one test.</summary>
sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "csa-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open (DuckDB on another thread) only leaves a temp folder behind.
        }
    }
}
