using System.Diagnostics;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Bench;

/// <summary>
/// The <c>silhouette</c> task: the exact silhouette of the given labels (scikit-learn's <c>silhouette_score</c>).
/// <c>seconds</c> times <c>Silhouette.Exact</c> only, after one warm-up call on the first 512 rows so the JIT's
/// one-off compilation is not counted (like the anchor's import time); <c>cold_seconds</c> is that warm-up call.
/// </summary>
public static class SilhouetteTask
{
    public static Dictionary<string, object> Run(BenchArgs a, float[] x, int[] labels)
    {
        if (labels.Length != a.Rows)
        {
            throw new ArgumentException($"{labels.Length} labels for {a.Rows} rows");
        }

        var m = new FeatureMatrix(x, a.Rows, a.Cols);
        double cold = WarmUp(m, labels, a.Threads);
        var sw = Stopwatch.StartNew();
        SilhouetteResult s = Silhouette.Exact(m, labels, a.Threads, CancellationToken.None);
        double seconds = sw.Elapsed.TotalSeconds;
        return new Dictionary<string, object>
        {
            ["task"] = "silhouette",
            ["seconds"] = seconds,
            ["silhouette"] = s.Mean,
            ["threads"] = a.Threads ?? Environment.ProcessorCount,
            ["cold_seconds"] = cold,
        };
    }

    private static double WarmUp(FeatureMatrix m, int[] labels, int? threads)
    {
        int n = Math.Min(m.Rows, 512);
        int[] head = labels[..n];
        int segments = head.Distinct().Count();
        if (segments < 2 || segments > n - 1)
        {
            return 0;
        }

        var sw = Stopwatch.StartNew();
        Silhouette.Exact(m.SelectRows(Enumerable.Range(0, n).ToArray()), head, threads, CancellationToken.None);
        return sw.Elapsed.TotalSeconds;
    }
}
