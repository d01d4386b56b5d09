namespace SegmentLab.Profiling;

/// <summary>
/// A distinctive trait of a segment found by the naming rules: a key (<c>lapsed</c>, <c>email-engaged</c>), the words
/// used in names and descriptions, the feature it rests on and how strong the evidence is (|standardized difference|).
/// </summary>
/// <param name="Key">Stable id of the trait, e.g. <c>lapsed</c>, <c>high-value</c>, <c>web-active</c>.</param>
/// <param name="Words">How it reads in a name suffix or description, e.g. "email-engaged", "returns-heavy".</param>
/// <param name="Feature">The feature it rests on.</param>
/// <param name="Strength">|standardized difference| of the feature (larger is more distinctive).</param>
internal sealed record Trait(string Key, string Words, string Feature, double Strength);
