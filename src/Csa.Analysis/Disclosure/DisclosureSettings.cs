namespace Csa.Analysis.Disclosure;

/// <summary>Who sees what: public answers suppress small extract counts; restricted (partnership) answers show everything.</summary>
/// <param name="Public">Whether answers are public (the public atlas, <c>csa report --public</c>).</param>
/// <param name="Threshold">Extract counts from 1 to this are not shown in public answers.</param>
/// <param name="SecondarySuppression">Whether to hide further counts that would reveal a small one (off only in tests
/// that show what it prevents).</param>
public sealed record DisclosureSettings(bool Public, int Threshold, bool SecondarySuppression = true);
