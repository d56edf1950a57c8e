namespace Csa.Storage;

/// <summary>What a geography import did.</summary>
/// <param name="Kind">The lookup's kind (lsoa-ward-district, district-partnership-force, lsoa-2011-2021).</param>
/// <param name="Rows">Rows held after the import.</param>
/// <param name="Replaced">Whether a lookup of the same kind was held before and has been replaced.</param>
/// <param name="AreasHeld">Areas (wards, districts, partnerships, force areas) that can now be named with --area.</param>
public sealed record GeographyImportResult(string Kind, int Rows, bool Replaced, int AreasHeld);
