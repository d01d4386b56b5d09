using Plotly.NET;
using SegmentLab.Data;
using SegmentLab.Decomposition;
using SegmentLab.Features;
using SegmentLab.Profiling;
using SegmentLab.Validation;

namespace SegmentLab.Reporting;

/// <summary>
/// The report's charts, one Plotly.NET <see cref="GenericChart"/> per panel, for reuse in notebooks (display them, or
/// combine them with other Plotly.NET charts). Colours follow segment ids consistently across charts.
/// </summary>
public static partial class SegmentCharts
{
    /// <summary>Inertia (elbow marked), silhouette, Calinski-Harabasz, Davies-Bouldin and the gap by k, in stacked panels sharing the k axis.</summary>
    public static GenericChart KSelection(KSelectionResult r) => throw new NotImplementedException();

    /// <summary>Per-customer silhouette values as horizontal bars, sorted within segment, sampled per segment above <paramref name="maxPoints"/>.</summary>
    public static GenericChart Silhouette(SilhouetteResult s, SegmentProfiles p, int maxPoints = 5_000, int seed = 0) => throw new NotImplementedException();

    /// <summary>The customers on the first two principal components, coloured by segment, hover showing the customer id, with loading arrows.</summary>
    public static GenericChart PcaScatter(FeatureMatrix clustered, SegmentProfiles p, IReadOnlyList<string> customerIds, PcaModel? pca = null,
        int maxPoints = 20_000, int seed = 0) => throw new NotImplementedException();

    /// <summary>Feature index (100 = population average) per segment and feature as a heatmap.</summary>
    public static GenericChart ProfileHeatmap(SegmentProfiles p, IEnumerable<string>? features = null) => throw new NotImplementedException();

    /// <summary>Each segment's share of customers next to its share of revenue.</summary>
    public static GenericChart SizeAndRevenue(SegmentProfiles p) => throw new NotImplementedException();

    /// <summary>Outcome lift per segment with its confidence interval, next to the RFM baseline's.</summary>
    public static GenericChart Lift(LiftSection lift, SegmentProfiles p, string? outcome = null) => throw new NotImplementedException();

    /// <summary>The cumulative gains curve of the segments and of the RFM baseline, with the random diagonal.</summary>
    public static GenericChart Gains(LiftSection lift, string? outcome = null) => throw new NotImplementedException();

    /// <summary>Mean bootstrap Jaccard per segment with Hennig's bands (0.5 dissolved, 0.6, 0.75 stable).</summary>
    public static GenericChart Stability(StabilityResult s, SegmentProfiles p) => throw new NotImplementedException();

    /// <summary>PSI per feature against the baseline with the 0.1 and 0.25 lines.</summary>
    public static GenericChart Drift(DriftReport d) => throw new NotImplementedException();

    /// <summary>Each segment's share of customers in the baseline and now.</summary>
    public static GenericChart SegmentShift(DriftReport d, SegmentProfiles p) => throw new NotImplementedException();

    /// <summary>Rows loaded, filtered and rejected per input table, stacked.</summary>
    public static GenericChart DataQuality(DataQualityReport q) => throw new NotImplementedException();
}
