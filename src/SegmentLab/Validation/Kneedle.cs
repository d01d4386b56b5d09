namespace SegmentLab.Validation;

/// <summary>
/// The kneedle knee / elbow detector (Satopää, Albrecht, Irwin &amp; Raghavan 2011, "Finding a 'kneedle' in a
/// haystack"), as the reference Python implementation <c>kneed</c> computes it offline with <c>interp_method="interp1d"</c>:
/// the raw points are the curve (no smoothing), x and y are normalised to [0, 1], y is flipped so every shape becomes a
/// concave increasing curve, the difference curve is y − x, and the knee is the first local maximum of the difference
/// curve after which the curve falls below that maximum's threshold (max − S × the mean x step) before reaching the
/// next local maximum. With S = 1 on the inertia-versus-k curve of a sweep it finds the elbow.
/// </summary>
internal static class Kneedle
{
    /// <summary>Shape of the curve; k-means inertia against k is <see cref="Convex"/> and decreasing.</summary>
    public enum Curve
    {
        /// <summary>Bends downwards (a knee).</summary>
        Concave,

        /// <summary>Bends upwards (an elbow).</summary>
        Convex,
    }

    /// <summary>
    /// The knee of (x, y), or null when there is none (fewer than 3 points, a flat curve, or no drop below a threshold).
    /// Local extrema use scipy's <c>argrelextrema</c> with ≥ / ≤ and clipped ends, as kneed does.
    /// </summary>
    /// <param name="x">Strictly increasing x values.</param>
    /// <param name="y">One y per x.</param>
    /// <param name="curve">Concave (knee) or convex (elbow).</param>
    /// <param name="increasing">Whether y grows with x.</param>
    /// <param name="sensitivity">S ≥ 0: how many "flat" x steps the difference curve must fall by; the paper's default 1.</param>
    /// <returns>The x value of the knee, or null.</returns>
    public static double? Find(IReadOnlyList<double> x, IReadOnlyList<double> y, Curve curve, bool increasing, double sensitivity = 1.0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values but y has {y.Count}.", nameof(y));
        }

        if (!(sensitivity >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sensitivity), sensitivity, $"sensitivity={sensitivity} must be ≥ 0.");
        }

        int n = x.Count;
        if (n < 3)
        {
            return null;
        }

        var xn = Normalize(x);
        var yn = Normalize(y);
        if (xn is null || yn is null)
        {
            return null;
        }

        // Turn every shape into a concave increasing curve (kneed's transform_y).
        bool flipped = false;
        if (!increasing && curve == Curve.Concave)
        {
            Array.Reverse(yn);
            flipped = true;
        }
        else if (!increasing && curve == Curve.Convex)
        {
            double max = yn.Max();
            for (int i = 0; i < n; i++)
            {
                yn[i] = max - yn[i];
            }
        }
        else if (increasing && curve == Curve.Convex)
        {
            double max = yn.Max();
            for (int i = 0; i < n; i++)
            {
                yn[i] = max - yn[i];
            }

            Array.Reverse(yn);
            flipped = true;
        }

        var diff = new double[n];
        for (int i = 0; i < n; i++)
        {
            diff[i] = yn[i] - xn[i];
        }

        var maxima = Extrema(diff, (a, b) => a >= b);
        var minima = Extrema(diff, (a, b) => a <= b);
        if (maxima.Count == 0)
        {
            return null;
        }

        double meanStep = 0;
        for (int i = 1; i < n; i++)
        {
            meanStep += xn[i] - xn[i - 1];
        }

        meanStep = Math.Abs(meanStep / (n - 1));
        var isMax = new HashSet<int>(maxima);
        var isMin = new HashSet<int>(minima);
        int maxSeen = 0, thresholdIndex = maxima[0];
        double threshold = diff[maxima[0]] - (sensitivity * meanStep);
        for (int i = maxima[0]; i < n - 1; i++)
        {
            if (isMax.Contains(i))
            {
                threshold = diff[maxima[maxSeen]] - (sensitivity * meanStep);
                thresholdIndex = i;
                maxSeen++;
            }

            if (isMin.Contains(i))
            {
                threshold = 0;
            }

            if (diff[i + 1] < threshold)
            {
                // A flipped curve was traversed from its right end.
                return flipped ? x[n - 1 - thresholdIndex] : x[thresholdIndex];
            }
        }

        return null;
    }

    private static double[]? Normalize(IReadOnlyList<double> a)
    {
        double min = a.Min(), max = a.Max();
        if (!(max > min) || !double.IsFinite(max - min))
        {
            return null;
        }

        return a.Select(v => (v - min) / (max - min)).ToArray();
    }

    /// <summary>scipy's <c>argrelextrema(a, comparator, order=1, mode="clip")</c>: i where a[i] compares true with both neighbours (an end with itself).</summary>
    private static List<int> Extrema(double[] a, Func<double, double, bool> comparator)
    {
        var found = new List<int>();
        for (int i = 0; i < a.Length; i++)
        {
            double left = a[Math.Max(i - 1, 0)], right = a[Math.Min(i + 1, a.Length - 1)];
            if (comparator(a[i], left) && comparator(a[i], right))
            {
                found.Add(i);
            }
        }

        return found;
    }
}
