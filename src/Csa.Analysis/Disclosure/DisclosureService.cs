using System.Collections.Concurrent;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Storage;

namespace Csa.Analysis.Disclosure;

/// <summary>The one disclosure service: what a public answer may show, for the atlas's public mode and the public document.</summary>
/// <remarks>
/// <para><b>Street counts</b> are data.police.uk's own published records: public answers show them as published and
/// say so (<see cref="StreetNote"/>); nothing claims to hide them.</para>
/// <para><b>Extract figures</b> (victims, offenders, markers: anything from a force's own extract) are answered in public
/// only for whole financial years wholly inside the extract, for districts and larger areas, through one
/// <see cref="ExtractRelease"/> a year: counts from 1 to the threshold suppressed, and secondary suppression across every
/// relation the answers expose, checked by the interval attack. The rules and the threat model: docs/DISCLOSURE.md.</para>
/// </remarks>
public sealed class DisclosureService(DisclosureSettings settings)
{
    readonly ConcurrentDictionary<string, Lazy<Task<ExtractRelease>>> _releases = new(StringComparer.Ordinal);

    /// <summary>What public answers say of street counts.</summary>
    public const string StreetNote =
        "Street counts are data.police.uk's own published records (every street crime with its month, category and approximate location): public answers show them as published, without suppression. Only figures from the force's own extract (victims, offenders, markers) are protected.";

    /// <summary>The settings.</summary>
    public DisclosureSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    /// <summary>Whether answers are public.</summary>
    public bool Active => Settings.Public;

    /// <summary>What public answers with extract figures say.</summary>
    public string ExtractNote =>
        $"Figures from the force's own extract are given for whole financial years inside the extract, for districts and larger areas. Counts from 1 to {Settings.Threshold} are not shown, nor any further count from which one could be worked out (from a total, a parent area, or another answer).";

    /// <summary>Whether public answers give extract figures for <paramref name="area"/> and <paramref name="period"/>; why not, when not.</summary>
    /// <param name="area">The area asked about.</param>
    /// <param name="period">The period asked about.</param>
    /// <param name="extract">The months the extract holds (null: none).</param>
    /// <returns>Null when the question may be answered; otherwise the rule it breaks.</returns>
    public string? RefuseExtractQuestion(Area area, Period period, Period? extract)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(period);
        if (!Active)
        {
            return null;
        }

        if (area.Level == AreaLevel.Ward)
        {
            return $"Public answers give figures from the force's extract (victim and offender profiles, markers) for districts and larger areas only: {area.Describe()} is a ward.";
        }

        var isFinancialYear = period.MonthCount == 12 && period.From.MonthOfYear == 4;
        if (!isFinancialYear || extract is null || period.From < extract.From || period.To > extract.To)
        {
            var years = extract is null ? "none" : string.Join(", ", WholeFinancialYears(extract).Select(y => y.ToString()));
            return $"Public answers give figures from the force's extract for whole financial years wholly inside the extract only (the Home Office's reporting year), so that no two answers can be subtracted: {period} is not one. Years that can be asked: {(years.Length == 0 ? "none" : years)}.";
        }

        return null;
    }

    /// <summary>The financial years wholly inside <paramref name="extract"/>.</summary>
    public static IReadOnlyList<FinancialYear> WholeFinancialYears(Period extract)
    {
        ArgumentNullException.ThrowIfNull(extract);
        return [.. Comparison.YearlyBreakdown.Years(extract, financialYears: true)
            .Where(y => y.Period.From >= extract.From && y.Period.To <= extract.To)
            .Select(y => new FinancialYear(y.StartYear))];
    }

    /// <summary>The release of one financial year's extract figures, decided once per extract held and cached.</summary>
    public async Task<ExtractRelease> ReleaseAsync(ICsaStore store, Period year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(year);
        var files = (await store.GetImportedFilesAsync(cancellationToken).ConfigureAwait(false)).Where(f => f.Kind.StartsWith("extract", StringComparison.Ordinal));
        var key = $"{year}|{Settings.Threshold}|{Settings.SecondarySuppression}|{string.Join(",", files.Select(f => f.Source.Sha256).Order(StringComparer.Ordinal))}";
        var lazy = _releases.GetOrAdd(key, _ => new Lazy<Task<ExtractRelease>>(async () =>
            ExtractRelease.Decide(await ExtractCells.ReadAsync(store, year, CancellationToken.None).ConfigureAwait(false), Settings.Threshold, Settings.SecondarySuppression)));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            _releases.TryRemove(key, out _);
            throw;
        }
    }
}
