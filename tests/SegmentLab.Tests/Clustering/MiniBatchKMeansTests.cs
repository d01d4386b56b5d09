using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;
using SegmentLab.Clustering;
using SegmentLab.Features;

namespace SegmentLab.Tests.Clustering;

public class MiniBatchKMeansTests
{
    private static readonly (FeatureMatrix X, int[] Truth) Data = ClusteringTestData.Blobs(20_000, 4, 5, 1.0, 21);

    private static readonly MiniBatchKMeansOptions Options = new() { K = 5, BatchSize = 512, Seed = 3 };

    [Fact]
    public void Reaches_full_kmeans_inertia_within_a_few_percent_and_recovers_the_blobs()
    {
        var full = KMeans.Fit(Data.X, new KMeansOptions { K = 5, NInit = 3 });
        var mini = MiniBatchKMeans.Fit(Data.X, Options);
        Assert.InRange(mini.Inertia, full.Inertia, full.Inertia * 1.03);
        Assert.True(ClusteringTestData.AdjustedRandIndex(mini.Labels, Data.Truth) >= 0.99);
        Assert.Equal(mini.Predict(Data.X), mini.Labels);
        Assert.True(mini.Iterations > 1);
        Assert.Contains(mini.Diagnostics.Notes, n => n.StartsWith("mini-batch k-means:", StringComparison.Ordinal));
    }

    [Fact]
    public void Is_deterministic_and_thread_independent()
    {
        var a = MiniBatchKMeans.Fit(Data.X, Options with { MaxDegreeOfParallelism = 1 });
        var b = MiniBatchKMeans.Fit(Data.X, Options with { MaxDegreeOfParallelism = 4 });
        Assert.Equal(a.Centroids.Values.ToArray(), b.Centroids.Values.ToArray());
        Assert.Equal(a.Labels, b.Labels);
        Assert.Equal(a.Inertia, b.Inertia);
        Assert.Equal(a.Iterations, b.Iterations);
    }

    [Fact]
    public void A_dataframe_source_gives_the_matrix_result()
    {
        var frame = new DataFrame(Enumerable.Range(0, 4).Select(j =>
            (DataFrameColumn)new DoubleDataFrameColumn($"f{j}", Enumerable.Range(0, Data.X.Rows).Select(r => (double)Data.X[r, j]))));
        var fromFrame = MiniBatchKMeans.Fit(new DataFrameBatchSource(frame, ["f0", "f1", "f2", "f3"]), Options);
        var fromMatrix = MiniBatchKMeans.Fit(Data.X, Options);
        Assert.Equal(fromMatrix.Centroids.Values.ToArray(), fromFrame.Centroids.Values.ToArray());
        Assert.Equal(fromMatrix.Labels, fromFrame.Labels);
        Assert.Equal(["f0", "f1", "f2", "f3"], fromFrame.Centroids.ColumnNames);
        var missing = Assert.Throws<SegmentLab.Data.InputException>(() => new DataFrameBatchSource(frame, ["f0", "nope"]));
        Assert.Contains("no column 'nope'", missing.Message);
    }

    [Fact]
    public void Streams_csv_and_parquet_files_through_duckdb()
    {
        using var dir = new TempDir();
        var (x, truth) = ClusteringTestData.Blobs(4000, 4, 5, 1.0, 22);
        var csv = new StringBuilder("id,a,b,c,d\n");
        for (int r = 0; r < x.Rows; r++)
        {
            csv.Append(r.ToString(CultureInfo.InvariantCulture));
            for (int j = 0; j < 4; j++)
            {
                csv.Append(',').Append(x[r, j].ToString("R", CultureInfo.InvariantCulture));
            }

            csv.Append('\n');
        }

        string csvPath = dir.Write("blobs.csv", csv.ToString());
        string parquetPath = dir.File("blobs.parquet");
        using (var db = new DuckDBConnection("Data Source=:memory:"))
        {
            db.Open();
            using var copy = db.CreateCommand();
            copy.CommandText = $"COPY (SELECT * FROM read_csv('{csvPath}', header = true)) TO '{parquetPath}' (FORMAT parquet)";
            copy.ExecuteNonQuery();
        }

        var full = KMeans.Fit(x, new KMeansOptions { K = 5, NInit = 3 });
        string[] columns = ["a", "b", "c", "d"];
        KMeansModel? first = null;
        foreach (string path in new[] { csvPath, parquetPath, parquetPath })
        {
            using var source = new DuckDbBatchSource(path, columns);
            Assert.Equal(4000, source.Rows);
            var model = MiniBatchKMeans.Fit(source, Options with { MaxEpochs = 10 });
            Assert.Empty(model.Labels);
            Assert.InRange(model.Inertia, full.Inertia, full.Inertia * 1.03);
            Assert.True(ClusteringTestData.AdjustedRandIndex(model.Predict(x), truth) >= 0.99);
            Assert.Contains(model.Diagnostics.Notes, n => n.Contains("Labels is empty"));
            first ??= model;
            Assert.Equal(first.Centroids.Values.ToArray(), model.Centroids.Values.ToArray());
        }

        var bad = Assert.Throws<SegmentLab.Data.InputException>(() => new DuckDbBatchSource(csvPath, ["a", "zzz"]));
        Assert.Contains("zzz", bad.Message);
    }

    [Fact]
    public void Options_are_validated_with_the_values_quoted()
    {
        Assert.Contains("BatchSize=0", Assert.Throws<ArgumentOutOfRangeException>(() => MiniBatchKMeans.Fit(Data.X, Options with { BatchSize = 0 })).Message);
        Assert.Contains("ReassignmentRatio=-1", Assert.Throws<ArgumentOutOfRangeException>(() => MiniBatchKMeans.Fit(Data.X, Options with { ReassignmentRatio = -1 })).Message);
        Assert.Contains("InitSize=3 must be ≥ k=5", Assert.Throws<ArgumentException>(() => MiniBatchKMeans.Fit(Data.X, Options with { InitSize = 3 })).Message);
        var twoRows = new FeatureMatrix([1, 1, 1, 1, 2, 2], 3, 2);
        Assert.Contains("k=3 must be ≤ the 2 distinct rows", Assert.Throws<ArgumentException>(() => MiniBatchKMeans.Fit(twoRows, new MiniBatchKMeansOptions { K = 3 })).Message);
    }
}
