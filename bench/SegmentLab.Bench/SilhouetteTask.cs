namespace SegmentLab.Bench;

/// <summary>The <c>silhouette</c> task (to be written with the validation issue).</summary>
public static class SilhouetteTask
{
    public static Dictionary<string, object> Run(BenchArgs a, float[] x, int[] labels) =>
        throw new NotSupportedException("the silhouette task is not written yet");
}
