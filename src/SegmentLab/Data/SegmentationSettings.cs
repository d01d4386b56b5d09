namespace SegmentLab.Data;

/// <summary>
/// The <c>segmentation</c> section of <c>segmentlab.json</c>: how many segments (a fixed k, or a range to sweep), the
/// k-means restarts and seed, optional PCA before clustering, and when a refit's segment counts as new. The command
/// line's <c>--k</c> overrides <see cref="K"/> and the range.
/// </summary>
public sealed record SegmentationSettings
{
    /// <summary>A fixed number of segments, 2..50; default null: sweep <see cref="MinK"/>..<see cref="MaxK"/> and take the recommended k.</summary>
    public int? K { get; init; }

    /// <summary>Smallest k of the sweep; default 2.</summary>
    public int MinK { get; init; } = 2;

    /// <summary>Largest k of the sweep; default 10.</summary>
    public int MaxK { get; init; } = 10;

    /// <summary>k-means++ restarts per fit (the best inertia wins); default 10, as scikit-learn.</summary>
    public int NInit { get; init; } = 10;

    /// <summary>Seed of k-means seeding and of every sampling step of the fit; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Cluster on principal components instead of the transformed features; default false.</summary>
    public bool Pca { get; init; }

    /// <summary>With <see cref="Pca"/>: keep the fewest components explaining at least this share of the variance, in (0, 1]; default 0.9 (1 keeps all).</summary>
    public double PcaVariance { get; init; } = 0.9;

    /// <summary>With <see cref="Pca"/>: scale each component to unit variance; default false.</summary>
    public bool Whiten { get; init; }

    /// <summary>
    /// On a refit with a previous model: a new segment whose centre is further than this from its matched old segment
    /// (Euclidean, in the previous model's standardized space) is reported as appeared rather than kept; default 1.0
    /// (one training standard deviation, the centroid-shift fail threshold).
    /// </summary>
    public double MatchDistance { get; init; } = 1.0;

    /// <summary>Checks the section; the messages name the key and the value.</summary>
    /// <exception cref="InputException">The section is null or a setting is out of range.</exception>
    internal static void Check(SegmentationSettings? s, string file)
    {
        if (s is null)
        {
            throw new InputException("'segmentation' is null; it must be an object { … } or left out for the defaults.", file: file);
        }

        void Fail(string message) => throw new InputException(message, file: file);

        if (s.K is { } k && k is < 2 or > 50)
        {
            Fail($"'segmentation.k' is {k}; it must be between 2 and 50 (or left out to sweep minK..maxK).");
        }

        if (!(2 <= s.MinK && s.MinK <= s.MaxK && s.MaxK <= 50))
        {
            Fail($"'segmentation.minK' ({s.MinK}) and 'segmentation.maxK' ({s.MaxK}) must satisfy 2 ≤ minK ≤ maxK ≤ 50.");
        }

        if (s.NInit is < 1 or > 1000)
        {
            Fail($"'segmentation.nInit' is {s.NInit}; it must be between 1 and 1000.");
        }

        if (!(s.PcaVariance > 0 && s.PcaVariance <= 1))
        {
            Fail($"'segmentation.pcaVariance' is {s.PcaVariance}; it must be a share in (0, 1] (0.9 keeps 90% of the variance).");
        }

        if (!(s.MatchDistance > 0 && double.IsFinite(s.MatchDistance)))
        {
            Fail($"'segmentation.matchDistance' is {s.MatchDistance}; it must be a positive number of standard deviations.");
        }
    }
}
