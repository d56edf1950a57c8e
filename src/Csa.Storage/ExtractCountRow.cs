using Csa.Core;

namespace Csa.Storage;

/// <summary>A count of extract crimes in one month, offence code, marker and recording state.</summary>
/// <param name="Month">The month recorded.</param>
/// <param name="OffenceCode">The Home Office offence code.</param>
/// <param name="Marker">The marker the count is of, or null for all crimes of the code.</param>
/// <param name="VictimSupportsRecording">Whether the victim supports the recording (null: not recorded).</param>
/// <param name="Count">The number of crimes.</param>
public sealed record ExtractCountRow(Month Month, string OffenceCode, string? Marker, bool? VictimSupportsRecording, long Count);
