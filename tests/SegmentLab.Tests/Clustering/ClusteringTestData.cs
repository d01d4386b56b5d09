using System.Globalization;
using System.Text.Json;
using SegmentLab.Features;

namespace SegmentLab.Tests.Clustering;

/// <summary>Test data for the clustering tests: committed fixtures, seeded Gaussian blobs, and the adjusted Rand index.</summary>
internal static class ClusteringTestData
{
    public static string FixturesDir => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Clustering");

    /// <summary>Reads a fixture CSV: numeric feature columns, then one label column (int or text) last.</summary>
    public static (FeatureMatrix X, string[] Truth) ReadCsv(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        int d = header.Length - 1;
        var values = new float[(lines.Length - 1) * d];
        var truth = new string[lines.Length - 1];
        for (int r = 1; r < lines.Length; r++)
        {
            string[] cells = lines[r].Split(',');
            for (int j = 0; j < d; j++)
            {
                values[((r - 1) * d) + j] = (float)double.Parse(cells[j], CultureInfo.InvariantCulture);
            }

            truth[r - 1] = cells[d];
        }

        return (new FeatureMatrix(values, lines.Length - 1, d, header[..d]), truth);
    }

    public static (FeatureMatrix X, string[] Truth) Iris() => ReadCsv(Path.Combine(AppContext.BaseDirectory, "Fixtures", "iris.csv"));

    public static JsonElement Expected() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(FixturesDir, "expected.json"))).RootElement.GetProperty("cases");

    /// <summary>Isotropic Gaussian blobs: <paramref name="centres"/> centres uniform in [−10, 10]^d, row i in blob i mod centres.</summary>
    public static (FeatureMatrix X, int[] Truth) Blobs(int rows, int d, int centres, double std, int seed)
    {
        var rng = new Random(seed);
        var c = new double[centres * d];
        for (int i = 0; i < c.Length; i++)
        {
            c[i] = (rng.NextDouble() * 20) - 10;
        }

        var x = new float[rows * d];
        var truth = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            truth[r] = r % centres;
            for (int j = 0; j < d; j++)
            {
                double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
                double z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                x[(r * d) + j] = (float)(c[(truth[r] * d) + j] + (std * z));
            }
        }

        return (new FeatureMatrix(x, rows, d), truth);
    }

    /// <summary>Adjusted Rand index (Hubert and Arabie, 1985) of two labelings of the same rows.</summary>
    public static double AdjustedRandIndex<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b)
        where TA : notnull
        where TB : notnull
    {
        var table = new Dictionary<(TA, TB), long>();
        var rowsA = new Dictionary<TA, long>();
        var rowsB = new Dictionary<TB, long>();
        for (int i = 0; i < a.Count; i++)
        {
            table[(a[i], b[i])] = table.GetValueOrDefault((a[i], b[i])) + 1;
            rowsA[a[i]] = rowsA.GetValueOrDefault(a[i]) + 1;
            rowsB[b[i]] = rowsB.GetValueOrDefault(b[i]) + 1;
        }

        static double Pairs(long n) => n * (n - 1) / 2.0;
        double index = table.Values.Sum(Pairs);
        double sumA = rowsA.Values.Sum(Pairs), sumB = rowsB.Values.Sum(Pairs);
        double expected = sumA * sumB / Pairs(a.Count);
        double max = (sumA + sumB) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    public static int[] Sizes(IReadOnlyList<int> labels, int k)
    {
        var sizes = new int[k];
        foreach (int l in labels)
        {
            sizes[l]++;
        }

        Array.Sort(sizes);
        return sizes;
    }
}
