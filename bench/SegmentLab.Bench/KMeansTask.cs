namespace SegmentLab.Bench;

/// <summary>The <c>kmeans</c> task (to be written with the clustering issue).</summary>
public static class KMeansTask
{
    public static Dictionary<string, object> Run(BenchArgs a, float[] x, ref int[]? labels) =>
        throw new NotSupportedException("the kmeans task is not written yet");
}
