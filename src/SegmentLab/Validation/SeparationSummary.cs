namespace SegmentLab.Validation;

/// <summary>
/// The report's separation section as plain values: the silhouette (mean, method, Kaufman &amp; Rousseeuw band,
/// per-segment means, interval when sampled) and the Calinski-Harabasz and Davies-Bouldin indices. The pipeline fills it
/// from <c>Silhouette</c> and <c>ClusterIndices</c>; every field is optional.
/// </summary>
public sealed record SeparationSummary
{
    /// <summary>Mean silhouette, −1..1.</summary>
    public double? SilhouetteMean { get; init; }

    /// <summary>How it was computed (exact, sampled or simplified); JSON <c>"exact"</c>, <c>"sampled"</c>, <c>"simplified"</c>.</summary>
    public SilhouetteMethod? SilhouetteMethod { get; init; }

    /// <summary>
    /// Kaufman &amp; Rousseeuw's band of the mean; JSON <c>"strong"</c>, <c>"reasonable"</c>, <c>"weak"</c> or
    /// <c>"noSubstantialStructure"</c>.
    /// </summary>
    public SilhouetteBand? SilhouetteBand { get; init; }

    /// <summary>Customers scored (all unless sampled).</summary>
    public int? SilhouetteSampleSize { get; init; }

    /// <summary>Lower bound of the sampled estimate's confidence interval; null unless sampled.</summary>
    public double? SilhouetteLow { get; init; }

    /// <summary>Upper bound of the sampled estimate's confidence interval; null unless sampled.</summary>
    public double? SilhouetteHigh { get; init; }

    /// <summary>Mean silhouette per segment id.</summary>
    public IReadOnlyList<double>? SilhouetteSegmentMeans { get; init; }

    /// <summary>Calinski-Harabasz index (higher is better separated).</summary>
    public double? CalinskiHarabasz { get; init; }

    /// <summary>Davies-Bouldin index (lower is better; 0 is best).</summary>
    public double? DaviesBouldin { get; init; }
}
