namespace Csa.Ingest.PoliceUk;

/// <summary>One data.police.uk file found under the paths given to an import: on disk or inside a zip.</summary>
/// <param name="DisplayName">The file as the user would find it (<c>archive.zip!2020-05/2020-05-northumbria-street.csv</c>).</param>
/// <param name="Name">What its name says.</param>
/// <param name="Length">Its size in bytes (uncompressed).</param>
/// <param name="Open">Opens it for reading.</param>
/// <param name="PathOnDisk">The file's path when it is a plain file on disk; null for a zip entry.</param>
public sealed record PoliceUkSource(string DisplayName, PoliceUkFileName Name, long Length, Func<Stream> Open, string? PathOnDisk);
