namespace SegmentLab.Features;

/// <summary>One feature of the catalog: its name, what it means, its unit and family, and the choices behind it.</summary>
/// <param name="Name">Column name, snake_case (e.g. <c>recency_days</c>).</param>
/// <param name="Description">One line saying what it measures.</param>
/// <param name="Unit">days, orders, currency, share, count, per week, stage, flag, …</param>
/// <param name="Family">Its family.</param>
/// <param name="DefaultInput">True when it feeds clustering unless the config names the inputs.</param>
/// <param name="Choice">How edge cases are encoded (no events, a single order, nothing sent, …), or empty.</param>
public sealed record FeatureDefinition(string Name, string Description, string Unit, FeatureFamily Family, bool DefaultInput, string Choice = "");
