using SegmentLab.Features;

namespace SegmentLab.Decomposition;

/// <summary>
/// Settings of <see cref="Pca.Fit(FeatureMatrix, PcaOptions?, CancellationToken)"/>. Set at most one of <see cref="Components"/> and <see cref="VarianceThreshold"/>;
/// with neither, every component is kept.
/// </summary>
public sealed record PcaOptions
{
    /// <summary>
    /// Number of components to keep, 1 … min(rows, columns). Default null: all min(rows, columns) of them (as
    /// scikit-learn's <c>n_components=None</c>).
    /// </summary>
    public int? Components { get; init; }

    /// <summary>
    /// Keep the smallest number of components whose cumulative explained-variance ratio reaches this value, in (0, 1)
    /// — scikit-learn's <c>n_components=0.9</c>. Default null (not used). Use it to cluster in PCA space with a
    /// data-chosen dimension: <c>Pca.Fit(x, new() { VarianceThreshold = 0.9 }).Transform(x)</c>.
    /// </summary>
    /// <remarks>
    /// "Reaches" is ≥; scikit-learn picks the first count whose cumulative ratio is strictly above the threshold. The
    /// two differ only when a cumulative ratio equals the threshold exactly.
    /// </remarks>
    public double? VarianceThreshold { get; init; }

    /// <summary>
    /// Scale each score by 1/√(explained variance) so the components have unit variance (scikit-learn's
    /// <c>whiten=True</c>). Default false. Components with zero variance are left unscaled (their scores are 0).
    /// </summary>
    public bool Whiten { get; init; }
}
