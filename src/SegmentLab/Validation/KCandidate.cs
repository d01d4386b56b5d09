using SegmentLab.Clustering;

namespace SegmentLab.Validation;

/// <summary>One k of a <see cref="KSelection.Sweep"/>: the fitted model and the figures used to choose k. Immutable.</summary>
public sealed record KCandidate
{
    /// <summary>Number of segments.</summary>
    public required int K { get; init; }

    /// <summary>k-means inertia: sum of squared distances of the rows to their centroids (lower is tighter; always falls with k).</summary>
    public required double Inertia { get; init; }

    /// <summary>Mean silhouette, −1..1 (higher is better separated).</summary>
    public required double Silhouette { get; init; }

    /// <summary>How <see cref="Silhouette"/> was computed: exact, or sampled above <see cref="KSelectionOptions.ExactSilhouetteLimit"/> rows.</summary>
    public required SilhouetteMethod SilhouetteMethod { get; init; }

    /// <summary>Calinski-Harabasz index (higher is better separated).</summary>
    public required double CalinskiHarabasz { get; init; }

    /// <summary>Davies-Bouldin index (lower is better; 0 is best).</summary>
    public required double DaviesBouldin { get; init; }

    /// <summary>Gap statistic mean(log W*_k) − log W_k, or null when not computed.</summary>
    public double? Gap { get; init; }

    /// <summary>Simulation standard error of <see cref="Gap"/>, sd_k × √(1 + 1/B), or null when not computed.</summary>
    public double? GapStandardError { get; init; }

    /// <summary>log W_k of the data, W_k = inertia / 2 as clusGap with d.power = 2; null when the gap was not computed.</summary>
    public double? LogW { get; init; }

    /// <summary>Mean over the reference sets of log W*_k (clusGap's E.logW); null when the gap was not computed.</summary>
    public double? ExpectedLogW { get; init; }

    /// <summary>The k-means fit for this k (centroids and labels of the training rows).</summary>
    public required KMeansModel Model { get; init; }
}
