using System.Collections.ObjectModel;

namespace SegmentLab.Validation;

/// <summary>
/// A silhouette computed by <see cref="Silhouette"/>: the mean, the per-row values it came from, per-segment means and
/// Kaufman &amp; Rousseeuw's band. Immutable.
/// </summary>
/// <remarks>
/// Each scored row i has s(i) = (b − a) / max(a, b), where a is its mean distance to the other rows of its segment and
/// b the smallest mean distance to the rows of another segment (Euclidean, on the matrix given). s(i) is 0 for a row
/// alone in its segment and when a = b = 0, as in scikit-learn.
/// </remarks>
public sealed class SilhouetteResult
{
    internal SilhouetteResult(SilhouetteMethod method, double mean, int[] sampleRows, double[] samples, double[] segmentMeans,
        double? confidenceLow = null, double? confidenceHigh = null)
    {
        Method = method;
        Mean = mean;
        SampleRows = Array.AsReadOnly(sampleRows);
        Samples = Array.AsReadOnly(samples);
        SegmentMeans = Array.AsReadOnly(segmentMeans);
        ConfidenceLow = confidenceLow;
        ConfidenceHigh = confidenceHigh;
        Band = Silhouette.BandOf(mean);
    }

    /// <summary>
    /// The mean silhouette in [−1, 1]: over all rows for <see cref="SilhouetteMethod.Exact"/> and
    /// <see cref="SilhouetteMethod.Simplified"/>; for <see cref="SilhouetteMethod.Sampled"/>, the stratified estimate
    /// Σ_h (N_h / N) × (mean of the sampled rows of segment h), which estimates the exact mean.
    /// </summary>
    public double Mean { get; }

    /// <summary>How the values were computed.</summary>
    public SilhouetteMethod Method { get; }

    /// <summary>The rows scored, ascending: every row (0 … n − 1) unless <see cref="Method"/> is Sampled.</summary>
    public IReadOnlyList<int> SampleRows { get; }

    /// <summary>s(i) for each row of <see cref="SampleRows"/>, in the same order.</summary>
    public IReadOnlyList<double> Samples { get; }

    /// <summary>
    /// Mean of <see cref="Samples"/> per segment, indexed by label (length = largest label + 1); NaN for a label with no
    /// rows (a gap in the labels).
    /// </summary>
    public IReadOnlyList<double> SegmentMeans { get; }

    /// <summary>Lower end of the 95% confidence interval of <see cref="Mean"/> (Sampled only, otherwise null).</summary>
    public double? ConfidenceLow { get; }

    /// <summary>Upper end of the 95% confidence interval of <see cref="Mean"/> (Sampled only, otherwise null).</summary>
    public double? ConfidenceHigh { get; }

    /// <summary>Kaufman &amp; Rousseeuw's band for <see cref="Mean"/>.</summary>
    public SilhouetteBand Band { get; }
}
