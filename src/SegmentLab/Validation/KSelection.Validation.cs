using SegmentLab.Clustering;
using SegmentLab.Features;

namespace SegmentLab.Validation;

public static partial class KSelection
{
    /// <summary>Checks the options against the data once, before any work; messages quote the values.</summary>
    private static void Validate(FeatureMatrix data, KSelectionOptions o)
    {
        ArgumentNullException.ThrowIfNull(o.KMeans, "options.KMeans");
        if (o.MinK < 2)
        {
            throw new ArgumentOutOfRangeException("options", o.MinK, $"MinK={o.MinK} must be at least 2 (silhouette and the indices need two segments).");
        }

        if (o.MaxK < o.MinK)
        {
            throw new ArgumentOutOfRangeException("options", o.MaxK, $"MaxK={o.MaxK} must be ≥ MinK={o.MinK}.");
        }

        if (o.MaxK >= data.Rows)
        {
            throw new ArgumentException($"MaxK={o.MaxK} must be below the {data.Rows} rows (silhouette needs at most n − 1 segments).", "options");
        }

        if (o.ExactSilhouetteLimit < 0)
        {
            throw new ArgumentOutOfRangeException("options", o.ExactSilhouetteLimit, $"ExactSilhouetteLimit={o.ExactSilhouetteLimit} must be ≥ 0.");
        }

        if (o.SilhouetteSampleSize < 1)
        {
            throw new ArgumentOutOfRangeException("options", o.SilhouetteSampleSize, $"SilhouetteSampleSize={o.SilhouetteSampleSize} must be at least 1.");
        }

        if (o.GapStatistic && o.GapReferences < 2)
        {
            throw new ArgumentOutOfRangeException("options", o.GapReferences, $"GapReferences={o.GapReferences} must be at least 2 (the standard error needs two reference sets).");
        }

        if (o.GapReferenceRestarts < 1)
        {
            throw new ArgumentOutOfRangeException("options", o.GapReferenceRestarts, $"GapReferenceRestarts={o.GapReferenceRestarts} must be at least 1.");
        }

        Parallelism.Check(o.MaxDegreeOfParallelism, "MaxDegreeOfParallelism");
        if (o.KMeans.InitialCentroids is not null)
        {
            throw new ArgumentException("KMeans.InitialCentroids cannot be used in a sweep: each k needs its own starting centroids.", "options");
        }

        if (o.KMeans.SampleWeights is not null)
        {
            throw new ArgumentException("KMeans.SampleWeights cannot be used in a sweep: silhouette, the indices and the gap statistic are unweighted.", "options");
        }

        // The template's own checks (iterations, tolerance, restarts), finite data and enough distinct rows for MaxK.
        KMeans.Validate(data, o.KMeans with { K = o.MaxK, MaxDegreeOfParallelism = null });
    }
}
