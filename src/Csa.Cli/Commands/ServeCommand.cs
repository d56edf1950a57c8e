using System.CommandLine;
using Csa.Core.Classification;
using Csa.Web;
using Csa.Web.Extensions;

namespace Csa.Cli.Commands;

/// <summary><c>csa serve</c>: the community safety atlas over the store.</summary>
static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var isPublic = new Option<bool>("--public") { Description = "Public mode: no login; aggregates only, small counts not shown, restricted markers and victim/offender profiles for districts and larger areas only." };
        var suppressUpTo = new Option<int>("--suppress-up-to") { Description = "Public mode hides counts from 1 to this number.", DefaultValueFactory = _ => 4 };
        var restricted = new Option<string[]>("--restricted-marker")
        {
            Description = $"A marker public mode shows only for districts and larger areas (repeat for several; default: {string.Join(", ", Markers.Restricted)}).",
            AllowMultipleArgumentsPerToken = true,
        };
        var tileUrl = new Option<string?>("--tile-url") { Description = "A map tile URL template ({z}/{x}/{y}) to draw under the boundaries; none by default, so the atlas works offline." };
        var tileAttribution = new Option<string?>("--tile-attribution") { Description = "The attribution the tiles' licence asks for." };
        var certificate = new Option<string?>("--certificate")
        {
            Description = $"The TLS certificate for https URLs: a PEM file (with --certificate-key) or a PKCS#12 (.pfx) file, its password in the environment variable {ServerCertificate.PasswordVariable}.",
        };
        var certificateKey = new Option<string?>("--certificate-key") { Description = "The PEM private key of a PEM --certificate." };
        var keys = new Option<string?>("--keys")
        {
            Description = "A folder for the keys that sign login cookies, shared by every instance that reads it. By default a PostgreSQL store holds them (every instance then shares them); with a DuckDB file they are kept in this user's ASP.NET Core key folder.",
        };
        var proxies = new Option<string[]>("--proxy")
        {
            Description = "The IP address of a reverse proxy or load balancer whose X-Forwarded-For and X-Forwarded-Proto headers are believed (repeat for several). None by default: the headers are ignored.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("serve", "Serve the community safety atlas (ward and LSOA maps, charts, comparisons, hot spots, pyramids; JSON API documented at /openapi/v1.json) over the store, read-only: restricted (login; csa user add) unless --public.");
        foreach (var option in new Option[] { urls, isPublic, suppressUpTo, restricted, tileUrl, tileAttribution, certificate, certificateKey, keys, proxies })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(suppressUpTo) is < 0 or > 100)
            {
                result.AddError("--suppress-up-to must be from 0 to 100.");
            }

            var https = (result.GetValue(urls) ?? string.Empty).Split(';').Any(u => u.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase));
            if (https && result.GetValue(certificate) is null)
            {
                result.AddError("An https URL needs a certificate: give --certificate FILE (PEM with --certificate-key, or .pfx), or serve http behind a proxy that terminates TLS.");
            }

            if (result.GetValue(certificateKey) is not null && result.GetValue(certificate) is null)
            {
                result.AddError("--certificate-key needs --certificate.");
            }

            foreach (var proxy in result.GetValue(proxies) ?? [])
            {
                if (!System.Net.IPAddress.TryParse(proxy, out _))
                {
                    result.AddError($"--proxy '{proxy}' is not an IP address: give the address the proxy connects from (10.0.0.5, ::1).");
                }
            }

            foreach (var marker in result.GetValue(restricted) ?? [])
            {
                if (!Markers.IsKnown(marker))
                {
                    result.AddError($"--restricted-marker '{marker}' is not a marker: give one of {string.Join(", ", Markers.All.Keys)}.");
                }
            }
        });
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var serverCertificate = parse.GetValue(certificate) is { } certificatePath ? ServerCertificate.Load(certificatePath, parse.GetValue(certificateKey)) : null;

            var store = parse.GetValue(CommonOptions.Store)!;

            // Open the store once: it is created or migrated here if it must be (a store already current is only read, so a
            // replica or a read-only role may serve it), so that the atlas can read it read-only.
            await (await CommandRunner.OpenStoreAsync(store, cancellationToken)).DisposeAsync();
            await using var readers = StoreFactory.Readers(store, keepAnswers: true, TimeProvider.System);
            var options = new AtlasOptions
            {
                Public = parse.GetValue(isPublic),
                SuppressUpTo = parse.GetValue(suppressUpTo),
                RestrictedMarkers = parse.GetValue(restricted) is { Length: > 0 } markers ? markers : null,
                TileUrl = parse.GetValue(tileUrl),
                TileAttribution = parse.GetValue(tileAttribution),
                KeyFolder = parse.GetValue(keys),
                KnownProxies = parse.GetValue(proxies) is { Length: > 0 } known ? known : null,
            };
            Console.WriteLine($"The atlas is at {parse.GetValue(urls)} ({(options.Public ? $"public: counts from 1 to {options.SuppressUpTo} not shown" : "restricted: log in with an account from csa user add")}); its API is described at /openapi/v1.json. Stop it with Ctrl+C.");
            await AtlasHost.RunAsync(options, parse.GetValue(urls)!, serverCertificate, _ => readers, cancellationToken);
        }));
        return command;
    }
}
