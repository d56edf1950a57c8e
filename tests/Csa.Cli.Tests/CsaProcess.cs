using System.Diagnostics;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary>Runs the built <c>csa</c> program as a user would, in its own process, with output redirected.</summary>
static class CsaProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Task<Result> RunAsync(string workingDirectory, params string[] args) => RunWithInputAsync(workingDirectory, null, args);

    /// <summary>Runs csa with <paramref name="input"/> written to its standard input.</summary>
    public static Task<Result> RunWithInputAsync(string workingDirectory, string? input, params string[] args) =>
        RunAsync(workingDirectory, input, new Dictionary<string, string>(), args);

    /// <summary>Runs csa with these environment variables set (a heap limit, for example).</summary>
    public static Task<Result> RunWithEnvironmentAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(workingDirectory, null, environment, args);

    static async Task<Result> RunAsync(string workingDirectory, string? input, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "csa.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CI"] = "true";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    public static Task<Result> RunAsync(ScratchFolder scratch, params string[] args) => RunAsync(scratch.Path, args);

    /// <summary>Imports the ONS lookups and the bundled Cambridgeshire months into <paramref name="store"/> (by default the
    /// scratch folder's csa.duckdb): the store most process tests start from.</summary>
    public static async Task ImportCambridgeshireAsync(ScratchFolder scratch, string? store = null)
    {
        string[] target = store is null ? [] : ["--store", store];
        Assert.Equal(0, (await RunAsync(scratch, ["import", "geography", .. target, TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy])).ExitCode);
        Assert.Equal(0, (await RunAsync(scratch, ["import", "police-uk", .. target, TestPaths.Cambridgeshire])).ExitCode);
    }

    /// <summary>Imports the ONS lookups, the bundled Northumbria archive and the mid-2022 population into the scratch folder's store:
    /// what the Newcastle upon Tyne document needs.</summary>
    public static async Task ImportNorthumbriaAsync(ScratchFolder scratch)
    {
        Assert.Equal(0, (await RunAsync(scratch, "import", "geography", TestPaths.LsoaWardDistrict, TestPaths.DistrictHierarchy, TestPaths.LsoaVintages)).ExitCode);
        Assert.Equal(0, (await RunAsync(scratch, "import", "police-uk", TestPaths.NorthumbriaZip)).ExitCode);
        Assert.Equal(0, (await RunAsync(scratch, "import", "population", System.IO.Path.Combine(TestPaths.Sample, "population", "lsoa21-population-mid2022.csv"))).ExitCode);
    }

    /// <summary>Imports the shared real data the Home Office figures need: the 2019 district lookup, the force-level table (October
    /// 2023 release) and ONS's district estimates for every year.</summary>
    public static async Task ImportHomeOfficeAsync(ScratchFolder scratch)
    {
        Assert.Equal(0, (await RunAsync(scratch, "import", "geography", TestPaths.SharedFile("geography", "lad19-csp19-pfa19.csv"))).ExitCode);
        Assert.Equal(0, (await RunAsync(scratch, "import", "prc", TestPaths.SharedFile("prc", "prc-pfa-2012-13_to_2023-24q1.csv"))).ExitCode);
        Assert.Equal(0, (await RunAsync(scratch, "import", "population", TestPaths.SharedFile("population", "lad23-population-mid2011-2023.csv"))).ExitCode);
    }
}
