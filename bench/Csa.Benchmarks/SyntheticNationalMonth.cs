using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Csa.Core;
using Csa.Core.PoliceUk;

namespace Csa.Benchmarks;

/// <summary>
/// Writes a SYNTHETIC national month in data.police.uk's archive layout: one street file per territorial
/// force (YYYY-MM/YYYY-MM-&lt;force&gt;-street.csv), about 550,000 rows in all. Forces get rows in proportion
/// to their real size, their own real LSOA codes (through the bundled ONS lookups), a realistic crime-type
/// mix, 2% rows with no location, 64-hex crime IDs and none for anti-social behaviour. Every location reads
/// "On or near Synthetic Street" and the folder holds SYNTHETIC.txt, so the data cannot pass for real.
/// </summary>
static class SyntheticNationalMonth
{
    /// <summary>Approximate shares of street rows by type in England and Wales (data.police.uk, 2019).</summary>
    static readonly (string Type, double Share)[] Mix =
    [
        ("Violence and sexual offences", 0.300), ("Anti-social behaviour", 0.245), ("Other theft", 0.075),
        ("Criminal damage and arson", 0.085), ("Vehicle crime", 0.065), ("Burglary", 0.055), ("Public order", 0.070),
        ("Shoplifting", 0.050), ("Drugs", 0.020), ("Other crime", 0.013), ("Robbery", 0.010), ("Bicycle theft", 0.015),
        ("Theft from the person", 0.013), ("Possession of weapons", 0.004),
    ];

    static readonly string[] Outcomes =
    [
        "Investigation complete; no suspect identified", "Unable to prosecute suspect", "Under investigation",
        "Awaiting court outcome", "Status update unavailable", "Offender given a caution", "Local resolution",
    ];

    public static long Write(string folder, Month month, int totalRows, int seed, IReadOnlyDictionary<string, List<string>> lsoasByForceArea)
    {
        var random = new Random(seed);
        var forces = PoliceForces.Territorial.Where(f => lsoasByForceArea.ContainsKey(f.PoliceForceAreaCode!)).ToArray();
        var weights = forces.Select(f => (double)lsoasByForceArea[f.PoliceForceAreaCode!].Count).ToArray();
        var weightTotal = weights.Sum();
        var monthFolder = Path.Combine(folder, month.ToString());
        Directory.CreateDirectory(monthFolder);
        File.WriteAllText(Path.Combine(folder, "SYNTHETIC.txt"), "Synthetic data made by csa's benchmark generator. Not real crime data.\n");
        long written = 0;
        var idBytes = new byte[32];
        for (var i = 0; i < forces.Length; i++)
        {
            var force = forces[i];
            var rows = (int)Math.Round(totalRows * weights[i] / weightTotal);
            var lsoas = lsoasByForceArea[force.PoliceForceAreaCode!];
            var path = Path.Combine(monthFolder, $"{month}-{force.Slug}-street.csv");
            using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
            writer.Write("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n");
            for (var r = 0; r < rows; r++)
            {
                var type = PickType(random.NextDouble());
                var asb = type == PoliceUkCrimeTypes.AntiSocialBehaviour;
                random.NextBytes(idBytes);
                var id = asb ? string.Empty : Convert.ToHexStringLower(SHA256.HashData(idBytes));
                var noLocation = random.NextDouble() < 0.02;
                var lsoa = lsoas[random.Next(lsoas.Count)];
                var lon = (-3.0 + random.NextDouble() * 2.5).ToString("F6", CultureInfo.InvariantCulture);
                var lat = (51.0 + random.NextDouble() * 3.5).ToString("F6", CultureInfo.InvariantCulture);
                var outcome = asb ? string.Empty : Outcomes[random.Next(Outcomes.Length)];
                writer.Write(noLocation
                    ? $"{id},{month},{force.Name},{force.Name},,,No Location,,,{type},{outcome},\n"
                    : $"{id},{month},{force.Name},{force.Name},{lon},{lat},On or near Synthetic Street,{lsoa},Synthetic {lsoa},{type},{outcome},\n");
            }

            written += rows;
        }

        return written;
    }

    static string PickType(double u)
    {
        foreach (var (type, share) in Mix)
        {
            if (u < share)
            {
                return type;
            }

            u -= share;
        }

        return Mix[0].Type;
    }
}
