using System.Globalization;
using System.Text.Json;
using SegmentLab.Features;

namespace SegmentLab.Tests.Decomposition;

/// <summary>The committed PCA fixtures (Fixtures/Decomposition, made by make_fixtures.py from scikit-learn 1.2.1).</summary>
internal static class PcaFixtures
{
    private static string Dir => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Decomposition");

    /// <summary>Fisher's iris, 150 × 4 raw measurements (no species column).</summary>
    public static FeatureMatrix Iris { get; } = LoadIris();

    public static IReadOnlyList<PcaCase> Cases { get; } = LoadCases();

    private static FeatureMatrix LoadIris()
    {
        // The one committed copy (Fixtures/iris.csv, shared with the k-means parity tests): four measurements, then the species.
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "iris.csv"));
        string[] names = lines[0].Split(',')[..4];
        var rows = lines.Skip(1).Select(l => (IReadOnlyList<double>)l.Split(',')[..4].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        return FeatureMatrix.FromRows(rows, names);
    }

    private static List<PcaCase> LoadCases()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "pca_cases.json")));
        var cases = new List<PcaCase>();
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            int rows = c.GetProperty("rows").GetInt32(), cols = c.GetProperty("cols").GetInt32();
            var x = c.GetProperty("x").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
            cases.Add(new PcaCase(
                c.GetProperty("name").GetString()!,
                new FeatureMatrix(x, rows, cols),
                c.GetProperty("components").ValueKind == JsonValueKind.Null ? null : c.GetProperty("components").GetInt32(),
                c.GetProperty("whiten").GetBoolean(),
                c.GetProperty("n_components").GetInt32(),
                Doubles(c.GetProperty("mean")),
                Doubles(c.GetProperty("explained_variance")),
                Doubles(c.GetProperty("explained_variance_ratio")),
                c.GetProperty("loadings").EnumerateArray().Select(Doubles).ToArray(),
                c.GetProperty("scores_first_rows").EnumerateArray().Select(Doubles).ToArray()));
        }

        return cases;
    }

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
}

/// <summary>One scikit-learn PCA case.</summary>
internal sealed record PcaCase(string Name, FeatureMatrix X, int? Components, bool Whiten, int NComponents, double[] Mean,
    double[] ExplainedVariance, double[] Ratio, double[][] Loadings, double[][] FirstScores)
{
    public override string ToString() => Name;
}
