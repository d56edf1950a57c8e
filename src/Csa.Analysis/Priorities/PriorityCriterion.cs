namespace Csa.Analysis.Priorities;

/// <summary>What a category is scored on in the priority matrix.</summary>
public enum PriorityCriterion
{
    /// <summary>How many crimes: the later period's count.</summary>
    Volume,

    /// <summary>Which way it is going: the like-for-like change, when significant (log rate ratio; 0 when not significant).</summary>
    Trend,

    /// <summary>Where it stands: the area's rate against its comparison group's weighted average rate (their ratio).</summary>
    Group,

    /// <summary>How serious each crime is: the mean Crime Severity Score weight of the category's crimes.</summary>
    Harm,
}
