using System.CommandLine;
using System.Globalization;
using Csa.Analysis;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Ingest.Synthetic;

namespace Csa.Cli.Commands;

/// <summary><c>csa synth extract</c>: a labelled synthetic police extract that reproduces the seed's Appendix A.</summary>
static class SynthCommand
{
    public static Command Create()
    {
        var area = new Option<string>("--area") { Description = "A district or ward (held geography lookup).", DefaultValueFactory = _ => "Huntingdonshire" };
        var from = CommonOptions.MonthOption("--from", "The first month (default 2011-03).");
        var to = CommonOptions.MonthOption("--to", "The last month (default 2017-02).");
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed writes the same files.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "The folder to write into.", Required = true };
        var extract = new Command("extract", "Write a SYNTHETIC record-level extract and its mapping: every count of the seed's Appendix A for 2015 and 2016, the seed's violence rises, plausible months, wards, ages, sexes and markers.");
        extract.Options.Add(area);
        extract.Options.Add(from);
        extract.Options.Add(to);
        extract.Options.Add(seed);
        extract.Options.Add(output);
        extract.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var store = await CommandRunner.OpenStoreAsync(parse.GetValue(CommonOptions.Store)!, cancellationToken);
            var period = Period.Create(parse.GetValue(from) ?? new Month(2011, 3), parse.GetValue(to) ?? new Month(2017, 2));
            var folder = parse.GetValue(output)!;
            var crimes = await WriteAsync(store, parse.GetValue(area)!, period, parse.GetValue(seed), folder, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {crimes:N0} SYNTHETIC crimes to {Path.Combine(folder, SyntheticExtractGenerator.ExtractFileName)} and its mapping {Path.Combine(folder, SyntheticExtractGenerator.MappingFileName)}."));
        }));
        var command = new Command("synth", "Write labelled synthetic data for tests, demonstrations and benchmarks.");
        command.Subcommands.Add(extract);
        return command;
    }

    internal static async Task<int> WriteAsync(Storage.ICsaStore store, string areaName, Period period, int seed, string folder, CancellationToken cancellationToken)
    {
        if (period.From > new Month(2015, 1) || period.To < new Month(2016, 12))
        {
            throw new CsaQueryException($"The synthetic extract reproduces Appendix A's 2015 and 2016: its period must include 2015-01..2016-12 (given {period}).");
        }

        var area = await new AreaResolver(store).ResolveAsync(areaName, cancellationToken);
        if (area.Level is not (AreaLevel.District or AreaLevel.Ward))
        {
            throw new CsaQueryException($"{area.Describe()} is not a district or ward: the synthetic extract is made for one district (or ward).");
        }

        var places = await store.GetPlacesAsync(cancellationToken);
        var lsoas = places.LsoaPlaces
            .Where(p => (area.Level == AreaLevel.District ? p.Value.District : p.Value.Ward) == area.Code)
            .Select(p => (p.Key, p.Value.Ward))
            .ToArray();
        return new SyntheticExtractGenerator(lsoas, seed).Write(folder, area.Name, period, seed);
    }
}
