namespace SegmentLab.Validation;

/// <summary>
/// Kaufman &amp; Rousseeuw's (1990) reading of a mean silhouette: &gt; 0.70 strong, 0.51–0.70 reasonable, 0.26–0.50 weak,
/// ≤ 0.25 no substantial structure. The boundaries are applied to the unrounded mean: above 0.70, above 0.50, above 0.25.
/// </summary>
public enum SilhouetteBand
{
    /// <summary>Mean ≤ 0.25: no substantial structure has been found.</summary>
    NoSubstantialStructure,

    /// <summary>0.25 &lt; mean ≤ 0.50: the structure is weak and could be artificial.</summary>
    Weak,

    /// <summary>0.50 &lt; mean ≤ 0.70: a reasonable structure has been found.</summary>
    Reasonable,

    /// <summary>Mean &gt; 0.70: a strong structure has been found.</summary>
    Strong,
}
