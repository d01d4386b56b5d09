using System.Text.Json;
using SegmentLab.Bench;

// Same command-line shape and JSON output as ../shared/anchors/sklearn_anchor.py, so compare.sh can run both
// on one matrix: `kmeans|silhouette|pca --f32 FILE --rows N --cols D [--labels FILE] [--k K --n-init N --seed S --components C]`.
// `micro` runs the BenchmarkDotNet micro-benchmarks of the kernels instead; `report` times the segment report (ReportTask).
if (args.Length > 0 && args[0] == "report")
{
    return ReportTask.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(BenchArgs).Assembly).Run(args[1..]);
    return 0;
}

BenchArgs a;
try
{
    a = BenchArgs.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

float[] x = a.LoadMatrix();
int[]? labels = a.LoadLabels();
var baseInfo = new Dictionary<string, object> { ["segmentlab"] = typeof(SegmentLab.Features.FeatureMatrix).Assembly.GetName().Version!.ToString(3), ["rows"] = a.Rows, ["cols"] = a.Cols };
foreach (string task in a.Tasks)
{
    Dictionary<string, object> result = task switch
    {
        "kmeans" => KMeansTask.Run(a, x, ref labels),
        "silhouette" => SilhouetteTask.Run(a, x, labels ?? throw new ArgumentException("silhouette needs --labels or a kmeans task before it")),
        "pca" => PcaTask.Run(a, x),
        "ksweep" => KSweepTask.Run(a, x),
        _ => throw new ArgumentException($"unknown task '{task}'"),
    };
    var line = new Dictionary<string, object>(baseInfo);
    foreach (var kv in result)
    {
        line[kv.Key] = kv.Value;
    }

    Console.WriteLine(JsonSerializer.Serialize(line));
}

return 0;
