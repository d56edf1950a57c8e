namespace Csa.Storage;

/// <summary>Where a store is and what schema it has.</summary>
/// <param name="Location">The store's file or connection, as a user would name it.</param>
/// <param name="SchemaVersion">The schema version after opening (migrations applied).</param>
/// <param name="MigratedFrom">The schema version the store had before this csa migrated it, or null when none was applied (or it was new: then 0).</param>
public sealed record StoreInfo(string Location, int SchemaVersion, int? MigratedFrom);
