using System.Diagnostics;
using SegmentLab.Decomposition;
using SegmentLab.Features;

namespace SegmentLab.Bench;

/// <summary>
/// The <c>pca</c> task: <c>Pca.Fit</c> with <c>--components C</c> (exact: covariance + symmetric eigendecomposition).
/// <c>seconds</c> times the fit only, after one warm-up fit on the first 256 rows so the JIT's one-off compilation
/// (MathNet's eigensolver included) is not counted; <c>cold_seconds</c> is that warm-up fit.
/// </summary>
public static class PcaTask
{
    public static Dictionary<string, object> Run(BenchArgs a, float[] x)
    {
        var m = new FeatureMatrix(x, a.Rows, a.Cols);
        var options = new PcaOptions { Components = a.Components };
        var sw = Stopwatch.StartNew();
        if (a.Rows > 256 && a.Components <= Math.Min(256, a.Cols))
        {
            Pca.Fit(m.SelectRows(Enumerable.Range(0, 256).ToArray()), options, a.Threads, CancellationToken.None);
        }

        double cold = sw.Elapsed.TotalSeconds;
        sw.Restart();
        PcaModel model = Pca.Fit(m, options, a.Threads, CancellationToken.None);
        double seconds = sw.Elapsed.TotalSeconds;
        return new Dictionary<string, object>
        {
            ["task"] = "pca",
            ["seconds"] = seconds,
            ["explained_variance_ratio"] = model.ExplainedVarianceRatio.ToArray(),
            ["threads"] = a.Threads ?? Environment.ProcessorCount,
            ["cold_seconds"] = cold,
        };
    }
}
