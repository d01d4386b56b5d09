using SegmentLab.Validation;

namespace SegmentLab.Models;

/// <summary>
/// What the segmentation looked like on its training data — the yardstick re-validation compares new data with.
/// The per-segment figures are on <see cref="SegmentModel.Segments"/>; the feature distributions, centroids and
/// assignments are on <see cref="SegmentModel"/> itself.
/// </summary>
public sealed record BaselineMetrics
{
    /// <summary>Training customers.</summary>
    public required int Customers { get; init; }

    /// <summary>Mean silhouette at fit time, or null when not computed.</summary>
    public double? Silhouette { get; init; }

    /// <summary>How the silhouette was computed (<c>exact</c>, <c>sampled</c>, <c>simplified</c>), or null.</summary>
    public string? SilhouetteMethod { get; init; }

    /// <summary>Customers per segment label (position in <see cref="SegmentModel.Segments"/>).</summary>
    public required IReadOnlyList<int> Sizes { get; init; }

    /// <summary>Share of customers per segment label.</summary>
    public required IReadOnlyList<double> Shares { get; init; }

    /// <summary>Lift summary per binary holdout outcome (empty without a holdout).</summary>
    public IReadOnlyList<OutcomeBaseline> Outcomes { get; init; } = [];

    /// <summary>The verdict of the fit-time validation, or null when it was not validated.</summary>
    public CheckStatus? Verdict { get; init; }
}
