using Csa.Core;

namespace Csa.Storage;

/// <summary>A force and a month of its data.</summary>
/// <param name="ForceSlug">The force's data.police.uk slug.</param>
/// <param name="Month">The month.</param>
public sealed record ForceMonth(string ForceSlug, Month Month);
