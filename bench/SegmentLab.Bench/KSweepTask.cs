using System.Diagnostics;
using SegmentLab.Clustering;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Bench;

/// <summary>
/// The <c>ksweep</c> task: <see cref="KSelection.Sweep"/> over k = --min-k..--max-k (default 2..10) with the given
/// restarts, gap references and seed, timed around the sweep only. SegmentLab-only (scikit-learn has no equivalent).
/// </summary>
public static class KSweepTask
{
    public static Dictionary<string, object> Run(BenchArgs a, float[] x)
    {
        var m = new FeatureMatrix(x, a.Rows, a.Cols);
        var options = new KSelectionOptions
        {
            MinK = a.MinK,
            MaxK = a.MaxK,
            KMeans = new KMeansOptions { NInit = a.NInit },
            GapReferences = a.GapReferences,
            GapStatistic = a.GapReferences > 0,
            GapReferenceRestarts = a.GapRestarts,
            Seed = a.Seed,
            MaxDegreeOfParallelism = a.Threads,
        };
        var sw = Stopwatch.StartNew();
        var r = KSelection.Sweep(m, options);
        double seconds = sw.Elapsed.TotalSeconds;
        return new Dictionary<string, object>
        {
            ["task"] = "ksweep",
            ["seconds"] = seconds,
            ["k"] = $"{a.MinK}..{a.MaxK}",
            ["n_init"] = a.NInit,
            ["gap_references"] = a.GapReferences,
            ["gap_restarts"] = a.GapRestarts,
            ["recommended_k"] = r.RecommendedK,
            ["elbow_k"] = r.ElbowK?.ToString() ?? "none",
            ["gap_k"] = r.GapK?.ToString() ?? "none",
            ["silhouette_k"] = r.SilhouetteK?.ToString() ?? "none",
            ["reason"] = r.Reason,
            ["silhouette"] = r.Candidates.Select(c => Math.Round(c.Silhouette, 4)).ToArray(),
            ["gap"] = r.Candidates.Select(c => Math.Round(c.Gap ?? double.NaN, 4).ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            ["threads"] = a.Threads ?? Environment.ProcessorCount,
        };
    }
}
