using System.Text.Json;
using SegmentLab.Features;

namespace SegmentLab.Tests.Validation;

/// <summary>The committed validation fixtures (Fixtures/Validation, made by make_fixtures.py from scikit-learn 1.2.1).</summary>
internal static class SilhouetteFixtures
{
    private static string Dir => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Validation");

    public static IReadOnlyList<IndexCase> Cases { get; } = LoadCases();

    /// <summary>The k-means optimum on raw iris for k = 2, 3, 4 with scikit-learn's scores.</summary>
    public static IReadOnlyList<IrisOptimum> Iris { get; } = LoadIris();

    public static IndexCase Case(string name) => Cases.Single(c => c.Name == name);

    private static List<IndexCase> LoadCases()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "index_cases.json")));
        return doc.RootElement.EnumerateArray().Select(c =>
        {
            int rows = c.GetProperty("rows").GetInt32(), cols = c.GetProperty("cols").GetInt32();
            var x = c.GetProperty("x").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
            return new IndexCase(c.GetProperty("name").GetString()!, new FeatureMatrix(x, rows, cols),
                c.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray(),
                c.GetProperty("silhouette").GetDouble(), c.GetProperty("calinski_harabasz").GetDouble(),
                c.GetProperty("davies_bouldin").GetDouble(),
                c.GetProperty("silhouette_samples").EnumerateArray().Select(v => v.GetDouble()).ToArray());
        }).ToList();
    }

    private static List<IrisOptimum> LoadIris()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "iris_kmeans_labels.json")));
        return doc.RootElement.EnumerateArray().Select(c => new IrisOptimum(c.GetProperty("k").GetInt32(),
            c.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray(),
            c.GetProperty("silhouette").GetDouble(), c.GetProperty("calinski_harabasz").GetDouble(),
            c.GetProperty("davies_bouldin").GetDouble())).ToList();
    }
}

/// <summary>A matrix with labels and scikit-learn's silhouette, CH and DB for it.</summary>
internal sealed record IndexCase(string Name, FeatureMatrix X, int[] Labels, double Silhouette, double CalinskiHarabasz,
    double DaviesBouldin, double[] Samples)
{
    public override string ToString() => Name;
}

/// <summary>The k-means optimum labels on iris for one k, with scikit-learn's scores.</summary>
internal sealed record IrisOptimum(int K, int[] Labels, double Silhouette, double CalinskiHarabasz, double DaviesBouldin);
