namespace Csa.Ingest.PoliceUk;

/// <summary>What a read of a data.police.uk file counted.</summary>
/// <param name="Rows">Data rows read, valid or not.</param>
/// <param name="Crimes">Valid crime rows.</param>
/// <param name="AntiSocialBehaviour">Valid anti-social behaviour rows.</param>
/// <param name="NoLocation">Valid rows with no coordinates.</param>
public sealed record StreetFileStatistics(long Rows, long Crimes, long AntiSocialBehaviour, long NoLocation);
