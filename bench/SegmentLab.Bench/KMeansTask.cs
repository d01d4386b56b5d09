using System.Diagnostics;
using SegmentLab.Clustering;
using SegmentLab.Features;

namespace SegmentLab.Bench;

/// <summary>
/// The <c>kmeans</c> task: <see cref="KMeans.Fit"/> with k, n_init and seed as given (timed around the fit only, like
/// sklearn_anchor.py). Hands its labels to a following silhouette task when no --labels file was given.
/// </summary>
public static class KMeansTask
{
    public static Dictionary<string, object> Run(BenchArgs a, float[] x, ref int[]? labels)
    {
        var data = new FeatureMatrix(x, a.Rows, a.Cols);
        var algorithm = Enum.Parse<KMeansAlgorithm>(Environment.GetEnvironmentVariable("SEGMENTLAB_KMEANS_ALGORITHM") ?? "Auto", ignoreCase: true);
        var options = new KMeansOptions { K = a.K, NInit = a.NInit, Seed = a.Seed, MaxDegreeOfParallelism = a.Threads, Algorithm = algorithm };
        var watch = Stopwatch.StartNew();
        KMeansModel model = KMeans.Fit(data, options);
        double seconds = watch.Elapsed.TotalSeconds;
        labels ??= (int[])model.Labels;
        return new Dictionary<string, object>
        {
            ["task"] = "kmeans",
            ["seconds"] = seconds,
            ["k"] = a.K,
            ["n_init"] = a.NInit,
            ["inertia"] = model.Inertia,
            ["iterations"] = model.Iterations,
            ["algorithm"] = model.Diagnostics.Algorithm.ToString(),
            ["restart_iterations"] = model.Diagnostics.RestartIterations,
            ["distance_evaluations"] = model.Diagnostics.DistanceEvaluations,
        };
    }
}
