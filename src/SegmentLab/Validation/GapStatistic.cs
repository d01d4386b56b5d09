using SegmentLab.Decomposition;
using SegmentLab.Features;

namespace SegmentLab.Validation;

/// <summary>
/// The gap statistic (Tibshirani, Walther &amp; Hastie 2001) as R's <c>cluster::clusGap</c> computes it with
/// <c>spaceH0 = "scaledPCA"</c> (the paper's reference method (b)) and <c>d.power = 2</c> (the paper's squared Euclidean
/// distances), and Hennig / Maechler's <c>maxSE(method = "firstSEmax")</c> rule for reading it.
/// </summary>
/// <remarks>
/// <para>W_k: clusGap's <c>0.5 · Σ_r Σ_{i&lt;j in r} d_ij² / n_r</c>. Since Σ_{i&lt;j in r} d_ij² = n_r · (within sum of
/// squares of r), W_k is half the k-means inertia — half the paper's W_k (which sums ordered pairs), a constant factor
/// that cancels in the gap. clusGap's default <c>d.power = 1</c> (unsquared distances, kept there for backward
/// compatibility; its documentation notes the paper uses 2) would need all pairwise distances, O(n²).</para>
/// <para>Reference sets: the data are centred and rotated onto their principal axes, each reference set draws n rows
/// uniformly in the bounding box of the rotated data, and clusGap rotates them back. W_k is unchanged by rotations and
/// translations, so the references are clustered in the rotated space directly (k-means is itself rotation-invariant).</para>
/// <para>Gap_k = mean_b log W*_kb − log W_k; SE_k = sd_k · √(1 + 1/B), sd_k with the B − 1 denominator (R's <c>var</c>).</para>
/// </remarks>
internal static class GapStatistic
{
    /// <summary>log W_k from a k-means inertia (the within-cluster sum of squares): log(inertia / 2); null when the inertia is not positive.</summary>
    public static double? LogW(double inertia) => inertia > 0 && double.IsFinite(inertia) ? Math.Log(inertia / 2) : null;

    /// <summary>The sum of squared deviations from the column means (the inertia of k = 1), in float64.</summary>
    public static double TotalSumOfSquares(FeatureMatrix x)
    {
        int n = x.Rows, d = x.Columns;
        var mean = new double[d];
        for (int r = 0; r < n; r++)
        {
            var row = x.Row(r);
            for (int c = 0; c < d; c++)
            {
                mean[c] += row[c];
            }
        }

        for (int c = 0; c < d; c++)
        {
            mean[c] /= n;
        }

        double ss = 0;
        for (int r = 0; r < n; r++)
        {
            var row = x.Row(r);
            for (int c = 0; c < d; c++)
            {
                double dev = row[c] - mean[c];
                ss += dev * dev;
            }
        }

        return ss;
    }

    /// <summary>The bounding box of the data on its principal axes: per component, the lowest and highest score.</summary>
    public static (double[] Low, double[] High) PrincipalBox(FeatureMatrix data, CancellationToken ct)
    {
        var pca = Pca.Fit(data, new PcaOptions(), ct);
        var scores = pca.Transform(data);
        int d = scores.Columns;
        var low = Enumerable.Repeat(double.PositiveInfinity, d).ToArray();
        var high = Enumerable.Repeat(double.NegativeInfinity, d).ToArray();
        for (int r = 0; r < scores.Rows; r++)
        {
            var row = scores.Row(r);
            for (int c = 0; c < d; c++)
            {
                low[c] = Math.Min(low[c], row[c]);
                high[c] = Math.Max(high[c], row[c]);
            }
        }

        return (low, high);
    }

    /// <summary>Reference set <paramref name="reference"/>: n rows uniform in the box, from its own random stream of <paramref name="seed"/>.</summary>
    public static FeatureMatrix Reference(double[] low, double[] high, int rows, int seed, int reference)
    {
        int d = low.Length;
        var rng = new ValidationRng(seed, 0x6A90_0000L + reference);
        var values = new float[(long)rows * d];
        for (long i = 0; i < values.Length; i++)
        {
            int c = (int)(i % d);
            double u = rng.NextDouble();
            values[i] = (float)(low[c] + (u * (high[c] - low[c])));
        }

        return new FeatureMatrix(values, rows, d);
    }

    /// <summary>Gap_k and SE_k from log W_k and the B reference values log W*_kb.</summary>
    public static (double Gap, double StandardError, double ExpectedLogW) Summarize(double logW, IReadOnlyList<double> referenceLogW)
    {
        int b = referenceLogW.Count;
        double mean = referenceLogW.Average();
        double ss = referenceLogW.Sum(v => (v - mean) * (v - mean));
        double sd = Math.Sqrt(ss / (b - 1));
        return (mean - logW, sd * Math.Sqrt(1 + (1.0 / b)), mean);
    }

    /// <summary>
    /// R's <c>cluster::maxSE(f, SE.f, method = "firstSEmax", SE.factor)</c>: find the first local maximum of f — the
    /// first position whose next value is not larger (or the last position) — and return the first position j before it
    /// with f[j] ≥ f[max] − SE.factor · SE[max], else the maximum itself. 0-based.
    /// </summary>
    /// <param name="f">The gap values, one per k in ascending order (at least one).</param>
    /// <param name="standardErrors">Their standard errors (≥ 0).</param>
    /// <param name="seFactor">Multiple of the standard error; default 1.</param>
    public static int FirstSeMax(IReadOnlyList<double> f, IReadOnlyList<double> standardErrors, double seFactor = 1)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(standardErrors);
        if (f.Count < 1 || f.Count != standardErrors.Count)
        {
            throw new ArgumentException($"maxSE needs one or more values with one standard error each; got {f.Count} and {standardErrors.Count}.", nameof(standardErrors));
        }

        int max = FirstLocalMax(f);
        double bar = f[max] - (seFactor * standardErrors[max]);
        for (int j = 0; j < max; j++)
        {
            if (f[j] >= bar)
            {
                return j;
            }
        }

        return max;
    }

    /// <summary>maxSE's "firstmax": the first i with f[i + 1] − f[i] ≤ 0, or the last position. 0-based.</summary>
    public static int FirstLocalMax(IReadOnlyList<double> f)
    {
        for (int i = 0; i + 1 < f.Count; i++)
        {
            if (f[i + 1] - f[i] <= 0)
            {
                return i;
            }
        }

        return f.Count - 1;
    }
}
