using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Decomposition;
using SegmentLab.Features;
using SegmentLab.Models;

namespace SegmentLab.Tests.Models;

/// <summary>Small feature tables of well-separated blobs, and models fitted on them, for the model tests.</summary>
internal static class ModelTestData
{
    public static readonly string[] Inputs = ["recency_days", "frequency", "monetary"];

    /// <summary>
    /// A table with one blob per centre (in raw units: recency, frequency, monetary), <paramref name="perBlob"/> customers
    /// each, ids "B{blob}-{i:D4}" (so a customer keeps its blob across tables). <paramref name="blobs"/> picks which centres
    /// occur (default all). Plus an outcome column so lift can be computed.
    /// </summary>
    public static FeatureTable Table(int seed, int perBlob, IReadOnlyList<(double R, double F, double M)> centres,
        IReadOnlyList<int>? blobs = null)
    {
        var rng = new Random(seed);
        var order = blobs ?? Enumerable.Range(0, centres.Count).ToArray();
        int n = perBlob * order.Count;
        var ids = new string[n];
        var r = new double[n];
        var f = new double[n];
        var m = new double[n];
        var outcome = new double[n];
        for (int i = 0; i < n; i++)
        {
            var c = centres[order[i / perBlob]];
            ids[i] = $"B{order[i / perBlob]}-{i % perBlob:D4}";
            r[i] = Math.Max(0, c.R + (Gauss(rng) * c.R * 0.08));
            f[i] = Math.Max(0, c.F + (Gauss(rng) * c.F * 0.08));
            m[i] = Math.Max(0, c.M + (Gauss(rng) * c.M * 0.08));
            outcome[i] = rng.NextDouble() < 1.0 / (1 + (c.R / 30)) ? 1 : 0;
        }

        var defs = Inputs.Select(name => new FeatureDefinition(name, name, "", FeatureFamily.Behavioural, true)).ToArray();
        var outcomes = new[] { new FeatureDefinition("purchased_in_holdout", "", "flag", FeatureFamily.Outcome, false) };
        return new FeatureTable(new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 1), "-- test", ids, defs, outcomes, [],
            new Dictionary<string, double[]> { ["recency_days"] = r, ["frequency"] = f, ["monetary"] = m, ["purchased_in_holdout"] = outcome },
            new Dictionary<string, string?[]>());
    }

    public static readonly (double R, double F, double M)[] FourBlobs = [(10, 20, 5000), (200, 2, 80), (60, 6, 600), (30, 40, 20000)];

    /// <summary>Fits transform (+ PCA) and k-means on the table and builds the model, as the pipeline does.</summary>
    public static SegmentModel Fit(FeatureTable table, int k, bool pca = false, IReadOnlyList<int>? ids = null, SegmentLineage? lineage = null)
    {
        var transform = FeatureTransform.Fit(table.ToMatrix(Inputs));
        var x = transform.Apply(table.ToMatrix(Inputs));
        PcaModel? p = null;
        if (pca)
        {
            p = SegmentModel.AsStored(Pca.Fit(x, new PcaOptions { Components = 2 }));
            x = p.Transform(x);
        }

        var km = KMeans.Fit(x, new KMeansOptions { K = k, NInit = 4, Seed = 1 });
        return SegmentModel.Create(new SegmentModelInput
        {
            Table = table,
            Features = new FeatureSettings { Cutoff = table.Cutoff },
            Inputs = Inputs,
            Transform = transform,
            Pca = p,
            Clustered = x,
            KMeans = km,
            SegmentIds = ids,
            Names = Enumerable.Range(0, k).Select(i => $"Blob {ids?[i] ?? i}").ToArray(),
            Lineage = lineage,
            CreatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        });
    }

    private static double Gauss(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
