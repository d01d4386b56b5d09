using System.Diagnostics;
using SegmentLab.Decomposition;
using SegmentLab.Features;

namespace SegmentLab.Bench;

/// <summary>The <c>pca</c> task: <c>Pca.Fit</c> with <c>--components C</c>, timed around the fit only.</summary>
public static class PcaTask
{
    public static Dictionary<string, object> Run(BenchArgs a, float[] x)
    {
        var m = new FeatureMatrix(x, a.Rows, a.Cols);
        var sw = Stopwatch.StartNew();
        PcaModel model = Pca.Fit(m, new PcaOptions { Components = a.Components }, a.Threads, CancellationToken.None);
        double seconds = sw.Elapsed.TotalSeconds;
        return new Dictionary<string, object>
        {
            ["task"] = "pca",
            ["seconds"] = seconds,
            ["explained_variance_ratio"] = model.ExplainedVarianceRatio.ToArray(),
            ["threads"] = a.Threads ?? Environment.ProcessorCount,
        };
    }
}
