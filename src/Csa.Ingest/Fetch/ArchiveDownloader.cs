using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Csa.Core;

namespace Csa.Ingest.Fetch;

/// <summary>What a download is doing, for a progress display.</summary>
/// <param name="File">The file being fetched.</param>
/// <param name="BytesDone">Bytes held so far (a resumed download starts from what it held).</param>
/// <param name="BytesTotal">The file's size when the server says it, else null.</param>
/// <param name="Note">A line to show (resuming, fetching again, checked).</param>
public sealed record DownloadProgress(string File, long BytesDone, long? BytesTotal, string? Note);

/// <summary>Downloads data.police.uk archives into a cache folder csa owns, resumably: an interrupted download keeps its
/// <c>.part</c> file and continues with an HTTP range request; a finished one is checked (its length, the MD5 the server
/// publishes beside it where it does, and that it opens as a zip) and fetched again once if it fails.</summary>
/// <param name="http">The client (its base address is not used: URLs are absolute).</param>
/// <param name="cache">The cache folder (created, and marked as csa's, when missing).</param>
public sealed class ArchiveDownloader(HttpClient http, string cache)
{
    /// <summary>The file that marks a folder as csa's download cache: csa deletes nothing in a folder without it.</summary>
    public const string Marker = ".csa-cache";

    /// <summary>The default cache: <c>$XDG_CACHE_HOME/csa/police-uk</c>, else <c>~/.cache/csa/police-uk</c>.</summary>
    public static string DefaultCache =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "csa", "police-uk");

    /// <summary>The archive of <paramref name="month"/> in the cache, fetched (or resumed) as needed and checked.</summary>
    /// <exception cref="IOException">The server cannot be reached, refuses the file, or serves a damaged one twice.</exception>
    public async Task<string> FetchAsync(Uri baseUrl, Month month, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        PrepareCache();
        var name = $"{month}.zip";
        var url = new Uri(baseUrl, name);
        var target = Path.Combine(cache, name);
        if (File.Exists(target) && await CheckAsync(url, target, cancellationToken).ConfigureAwait(false) is null)
        {
            progress?.Report(new DownloadProgress(name, new FileInfo(target).Length, new FileInfo(target).Length, "already in the cache, checked"));
            return target;
        }

        for (var attempt = 1; ; attempt++)
        {
            await DownloadAsync(url, target, name, progress, cancellationToken).ConfigureAwait(false);
            var problem = await CheckAsync(url, target, cancellationToken).ConfigureAwait(false);
            if (problem is null)
            {
                progress?.Report(new DownloadProgress(name, new FileInfo(target).Length, new FileInfo(target).Length, "downloaded and checked"));
                return target;
            }

            File.Delete(target);
            if (attempt == 2)
            {
                throw new IOException($"{url} was damaged twice ({problem}); try again later.");
            }

            progress?.Report(new DownloadProgress(name, 0, null, $"damaged ({problem}): fetching it again"));
        }
    }

    void PrepareCache()
    {
        Directory.CreateDirectory(cache);
        var marker = Path.Combine(cache, Marker);
        if (!File.Exists(marker))
        {
            if (Directory.EnumerateFileSystemEntries(cache).Any())
            {
                throw new IOException($"{cache} is not csa's download cache (it has no {Marker} file) and is not empty: give an empty or new folder with --cache.");
            }

            File.WriteAllText(marker, "csa's download cache: csa writes and deletes files here.\n");
        }
    }

    /// <summary>Downloads to <c>target.part</c>, resuming from what it holds, retrying a dropped connection a few times, then renames it.</summary>
    async Task DownloadAsync(Uri url, string target, string name, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var part = target + ".part";
        for (var tries = 1; ; tries++)
        {
            var held = File.Exists(part) ? new FileInfo(part).Length : 0;
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (held > 0)
            {
                request.Headers.Range = new RangeHeaderValue(held, null);
                progress?.Report(new DownloadProgress(name, held, null, $"resuming from {ByteSize.Format(held)}"));
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new IOException($"Cannot reach {url.GetLeftPart(UriPartial.Authority)} ({e.Message}): are you offline? Check the connection, or give another server with --base-url.", e);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    throw new IOException($"{url} is not on the server (404): data.police.uk keeps the archives of recent months only.");
                }

                if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
                {
                    File.Delete(part); // the part is longer than the file: start again
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new IOException($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                }

                var append = response.StatusCode == HttpStatusCode.PartialContent;
                var total = response.Content.Headers.ContentLength is { } length ? (append ? held : 0) + length : (long?)null;
                try
                {
                    var output = new FileStream(part, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None);
                    await using (output.ConfigureAwait(false))
                    {
                        var input = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                        await using (input.ConfigureAwait(false))
                        {
                            var buffer = new byte[1 << 16];
                            var clock = Stopwatch.StartNew();
                            int n;
                            while ((n = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                            {
                                await output.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                                if (clock.ElapsedMilliseconds > 250)
                                {
                                    progress?.Report(new DownloadProgress(name, output.Length, total, null));
                                    clock.Restart();
                                }
                            }
                        }
                    }
                }
                catch (Exception e) when (e is IOException or HttpRequestException && tries < 5)
                {
                    progress?.Report(new DownloadProgress(name, File.Exists(part) ? new FileInfo(part).Length : 0, total, $"the connection dropped ({e.Message}): resuming"));
                    continue;
                }

                if (total is { } expected && new FileInfo(part).Length != expected)
                {
                    if (tries < 5)
                    {
                        continue; // cut short without an error: resume
                    }

                    throw new IOException($"{url} ended at {new FileInfo(part).Length:N0} of {expected:N0} bytes five times.");
                }

                File.Move(part, target, overwrite: true);
                return;
            }
        }
    }

    /// <summary>Why the downloaded file is not the server's, or null: the MD5 published beside it (<c>….zip.md5</c>) where
    /// there is one, and that it opens as a zip archive.</summary>
    async Task<string?> CheckAsync(Uri url, string target, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(url + ".md5"), cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                var published = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Split(' ', '\t', '\n')[0].Trim().ToLowerInvariant();
                var stream = File.OpenRead(target);
                await using (stream.ConfigureAwait(false))
                {
#pragma warning disable CA5351 // MD5 is what the server publishes: a check against damage in transit, not a security measure.
                    var actual = Convert.ToHexStringLower(await MD5.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
#pragma warning restore CA5351
                    if (actual != published)
                    {
                        return $"its MD5 is {actual}, the server publishes {published}";
                    }
                }
            }
        }
        catch (HttpRequestException)
        {
            // No checksum to be had: the zip check below still runs.
        }

        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(target);
            return zip.Entries.Count == 0 ? "the archive is empty" : null;
        }
        catch (InvalidDataException e)
        {
            return $"not a readable zip ({e.Message})";
        }
    }
}
