namespace SegmentLab.Bench;

/// <summary>The <c>pca</c> task (to be written with the clustering issue).</summary>
public static class PcaTask
{
    public static Dictionary<string, object> Run(BenchArgs a, float[] x) =>
        throw new NotSupportedException("the pca task is not written yet");
}
