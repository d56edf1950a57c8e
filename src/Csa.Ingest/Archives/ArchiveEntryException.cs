namespace Csa.Ingest.Archives;

/// <summary>A zip entry csa will not read: damaged, encrypted, compressed by a method it cannot read, or over a limit.
/// The importer turns it into a problem naming the entry.</summary>
sealed class ArchiveEntryException(string reason) : Exception(reason);
