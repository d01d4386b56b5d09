using System.Diagnostics;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Bench;

/// <summary>The <c>silhouette</c> task: exact silhouette of the given labels, timed around the computation only.</summary>
public static class SilhouetteTask
{
    public static Dictionary<string, object> Run(BenchArgs a, float[] x, int[] labels)
    {
        if (labels.Length != a.Rows)
        {
            throw new ArgumentException($"{labels.Length} labels for {a.Rows} rows");
        }

        var m = new FeatureMatrix(x, a.Rows, a.Cols);
        var sw = Stopwatch.StartNew();
        SilhouetteResult s = Silhouette.Exact(m, labels, a.Threads, CancellationToken.None);
        double seconds = sw.Elapsed.TotalSeconds;
        return new Dictionary<string, object>
        {
            ["task"] = "silhouette",
            ["seconds"] = seconds,
            ["silhouette"] = s.Mean,
            ["threads"] = a.Threads ?? Environment.ProcessorCount,
        };
    }
}
