using System.Globalization;
using Plotly.NET;
using SegmentLab.Decomposition;
using SegmentLab.Features;
using SegmentLab.Profiling;
using SegmentLab.Validation;
using static SegmentLab.Reporting.Plot;

namespace SegmentLab.Reporting;

public static partial class SegmentCharts
{
    /// <summary>
    /// The customers on the first two principal components of the clustered matrix, coloured by segment, hover showing
    /// the customer id, with the segment centroids and biplot arrows for the (up to 8) features with the longest loadings.
    /// </summary>
    /// <param name="clustered">The matrix k-means ran on (n × D).</param>
    /// <param name="p">The profiles (names and the label of each row).</param>
    /// <param name="customerIds">One id per row.</param>
    /// <param name="pca">A PCA fitted on <paramref name="clustered"/>'s columns; null fits one with 2 components.</param>
    /// <param name="maxPoints">Most customers drawn: a seeded uniform sample above it; default 20,000, at least 100.</param>
    /// <param name="seed">Seed of the sample.</param>
    /// <exception cref="ArgumentException">Row counts differ, or the PCA was fitted on other features.</exception>
    public static GenericChart PcaScatter(FeatureMatrix clustered, SegmentProfiles p, IReadOnlyList<string> customerIds, PcaModel? pca = null,
        int maxPoints = 20_000, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(clustered);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 100);
        if (clustered.Rows != p.Labels.Count || customerIds.Count != clustered.Rows)
        {
            throw new ArgumentException($"the matrix has {clustered.Rows} rows, the profiles label {p.Labels.Count} and there are {customerIds.Count} customer ids; they must be the same customers.", nameof(clustered));
        }

        pca ??= FitPca(clustered);
        if (!pca.FeatureNames.SequenceEqual(clustered.ColumnNames))
        {
            throw new ArgumentException($"the PCA was fitted on [{string.Join(", ", pca.FeatureNames)}] but the matrix has [{string.Join(", ", clustered.ColumnNames)}].", nameof(pca));
        }

        var rows = SampleRows(clustered.Rows, maxPoints, seed);
        var scores = pca.Transform(clustered.SelectRows(rows));
        bool two = scores.Columns >= 2;
        var traces = new List<Trace>();
        for (int seg = 0; seg < p.Count; seg++)
        {
            var mine = Enumerable.Range(0, rows.Length).Where(i => p.Labels[rows[i]] == seg).ToArray();
            if (mine.Length == 0)
            {
                continue;
            }

            traces.Add(Trace("scatter", ("x", mine.Select(i => R(scores[i, 0], 3)).ToArray()),
                ("y", mine.Select(i => two ? R(scores[i, 1], 3) : 0).ToArray()),
                ("text", mine.Select(i => customerIds[rows[i]]).ToArray()),
                ("mode", "markers"), ("name", Escape(p[seg].Name)),
                ("marker", new { color = Colour(seg), size = 4, opacity = 0.6 }),
                ("hovertemplate", $"customer %{{text}}<br>{Escape(p[seg].Name)}<extra></extra>")));
        }

        // Centroids as the mean scores of each segment's drawn customers would be noisy; project the segment means instead.
        var centroids = pca.Transform(Validation.Drift.SegmentMeans(clustered, p.Labels, p.Count));
        var present = Enumerable.Range(0, p.Count).Where(s => p[s].Size > 0).ToArray();
        traces.Add(Trace("scatter", ("x", present.Select(s => R(centroids[s, 0], 3)).ToArray()),
            ("y", present.Select(s => two ? R(centroids[s, 1], 3) : 0).ToArray()),
            ("text", present.Select(s => Escape(p[s].Name)).ToArray()),
            ("mode", "markers"), ("name", "segment centres"),
            ("marker", new { color = present.Select(Colour).ToArray(), size = 14, symbol = "x", line = new { color = Ink, width = 1.5 } }),
            ("hovertemplate", "centre of %{text}<extra></extra>")));

        var annotations = Biplot(pca, scores, two);
        string Axis1(int c) => $"PC{c + 1} ({F(pca.ExplainedVarianceRatio[c], "0%")} of variance)";
        return Chart(traces,
            ("title", Title(rows.Length < clustered.Rows
                ? string.Create(CultureInfo.InvariantCulture, $"Customers on the first two principal components ({rows.Length:N0} of {clustered.Rows:N0} shown, random sample)")
                : "Customers on the first two principal components")),
            ("xaxis", Axis(Axis1(0))),
            ("yaxis", Axis(two ? Axis1(1) : "(one component)")),
            ("annotations", annotations),
            ("height", 620));
    }

    /// <summary>The 2-component PCA the report fits when none is given.</summary>
    internal static PcaModel FitPca(FeatureMatrix clustered) =>
        Pca.Fit(clustered, new PcaOptions { Components = Math.Min(2, clustered.Columns) });

    /// <summary>A seeded uniform sample of row indexes (ascending), or every row when there are at most <paramref name="max"/>.</summary>
    internal static int[] SampleRows(int n, int max, int seed)
    {
        if (n <= max)
        {
            return Enumerable.Range(0, n).ToArray();
        }

        // Partial Fisher-Yates: the first max slots are a uniform sample without replacement.
        var all = Enumerable.Range(0, n).ToArray();
        var rng = new ValidationRng(seed, 0x5CA7);
        for (int i = 0; i < max; i++)
        {
            int j = i + rng.Next(n - i);
            (all[i], all[j]) = (all[j], all[i]);
        }

        var sample = all[..max];
        Array.Sort(sample);
        return sample;
    }

    private static object[] Biplot(PcaModel pca, FeatureMatrix scores, bool two)
    {
        int d = pca.FeatureNames.Count;
        double Load(int c, int f) => c < pca.Loadings.Rows ? pca.Loadings[c, f] : 0;
        var top = Enumerable.Range(0, d)
            .OrderByDescending(f => Math.Sqrt((Load(0, f) * Load(0, f)) + (Load(1, f) * Load(1, f))))
            .ThenBy(f => f).Take(8).ToArray();
        double reach = 0;
        for (int i = 0; i < scores.Rows; i++)
        {
            reach = Math.Max(reach, Math.Abs(scores[i, 0]));
            if (two)
            {
                reach = Math.Max(reach, Math.Abs(scores[i, 1]));
            }
        }

        double longest = top.Select(f => Math.Sqrt((Load(0, f) * Load(0, f)) + (Load(1, f) * Load(1, f)))).DefaultIfEmpty(1).Max();
        // Arrows reach 70% of the farthest drawn customer, so their directions and relative lengths are readable.
        double scale = longest > 0 && reach > 0 ? 0.7 * reach / longest : 1;
        var annotations = new List<object>();
        foreach (int f in top)
        {
            double x = R(Load(0, f) * scale, 3) ?? 0, y = R(Load(1, f) * scale, 3) ?? 0;
            // plotly draws an annotation's arrow from its text (at ax, ay) to (x, y): an empty text at the origin makes the
            // arrow, and a second annotation labels its head.
            annotations.Add(new { x, y, ax = 0, ay = 0, xref = "x", yref = "y", axref = "x", ayref = "y", text = "", showarrow = true,
                arrowhead = 2, arrowsize = 1, arrowwidth = 1.5, arrowcolor = Ink });
            annotations.Add(new { x = R(x * 1.1, 3), y = R(y * 1.1, 3), xref = "x", yref = "y", text = Escape(pca.FeatureNames[f]),
                showarrow = false, font = new { size = 11, color = Ink }, bgcolor = "rgba(255,255,255,0.75)" });
        }

        return annotations.ToArray();
    }
}
