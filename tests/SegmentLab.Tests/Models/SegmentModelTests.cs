using SegmentLab.Clustering;
using SegmentLab.Models;

namespace SegmentLab.Tests.Models;

/// <summary>A saved model scores customers exactly as at training, and its file round-trips.</summary>
public sealed class SegmentModelTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Save_load_assign_reproduces_the_training_labels(bool pca)
    {
        var table = ModelTestData.Table(seed: 3, perBlob: 150, ModelTestData.FourBlobs);
        var model = ModelTestData.Fit(table, k: 4, pca);
        using var dir = new TempDir();
        string path = dir.File("m" + SegmentModel.FileExtension);
        model.Save(path);
        var loaded = SegmentModel.Load(path);

        var before = model.Assign(table);
        var after = loaded.Assign(table);
        Assert.Equal(model.BaselineLabels, before.Labels);
        Assert.Equal(before.Labels, after.Labels);
        Assert.Equal(before.Distances, after.Distances);
        Assert.Equal(model.Checksum, loaded.Checksum);
        Assert.Equal(model.CreatedAt, loaded.CreatedAt);
        Assert.Equal(pca, loaded.Pca is not null);
        Assert.Equal(4, after.Sizes.Count(s => s == 150));
    }

    [Fact]
    public void Loaded_model_keeps_every_part()
    {
        var table = ModelTestData.Table(seed: 4, perBlob: 100, ModelTestData.FourBlobs);
        var model = ModelTestData.Fit(table, k: 4, ids: [7, 3, 9, 1]);
        var loaded = SegmentModel.FromJson(model.ToJson());

        Assert.Equal([7, 3, 9, 1], loaded.Segments.Select(s => s.Id));
        Assert.Equal(["Blob 7", "Blob 3", "Blob 9", "Blob 1"], loaded.Names);
        Assert.Equal(10, loaded.NextSegmentId);
        Assert.Equal(ModelTestData.Inputs, loaded.Inputs);
        Assert.Equal(model.Transform.Columns, loaded.Transform.Columns);
        Assert.Equal(model.Centroids.Values.ToArray(), loaded.Centroids.Values.ToArray());
        Assert.Equal(model.BaselineCentroids.Values.ToArray(), loaded.BaselineCentroids.Values.ToArray());
        Assert.Equal(table.CustomerIds, loaded.BaselineCustomerIds);
        Assert.Equal(model.BaselineDistribution.Features.Select(f => f.Edges.ToArray()), loaded.BaselineDistribution.Features.Select(f => f.Edges.ToArray()));
        Assert.Equal(new DateOnly(2025, 1, 1), loaded.Features.Cutoff);
        Assert.Equal(new DateOnly(2025, 1, 1), loaded.Training.Cutoff);
        Assert.Equal(400, loaded.Training.Customers);
        Assert.Equal(64, loaded.Training.CustomerIdsSha256.Length);
        Assert.Equal(3, loaded.Training.Features.Count);
        Assert.Equal([100, 100, 100, 100], loaded.Baseline.Sizes);
        Assert.Equal(0.25, loaded.Segments[0].Share);
        Assert.Equal(1, loaded.LabelOf(3));
        Assert.Equal(-1, loaded.LabelOf(4));
    }

    [Fact]
    public void Baseline_centroids_are_the_segment_means_of_the_training_rows()
    {
        var table = ModelTestData.Table(seed: 5, perBlob: 80, ModelTestData.FourBlobs);
        var model = ModelTestData.Fit(table, k: 4);
        var x = model.Prepare(table);
        for (int s = 0; s < 4; s++)
        {
            var rows = Enumerable.Range(0, x.Rows).Where(r => model.BaselineLabels[r] == s).ToArray();
            for (int c = 0; c < x.Columns; c++)
            {
                Assert.Equal(rows.Average(r => (double)x[r, c]), model.BaselineCentroids[s, c], 5);
            }
        }
    }

    [Fact]
    public void Checksum_ignores_the_creation_time_but_not_the_content()
    {
        var table = ModelTestData.Table(seed: 6, perBlob: 60, ModelTestData.FourBlobs);
        var a = ModelTestData.Fit(table, k: 4);
        var b = ModelTestData.Fit(table, k: 4);
        Assert.Equal(a.Checksum, b.Checksum);
        Assert.StartsWith("sha256:", a.Checksum);
        var renamed = a.WithNames(new Dictionary<int, string> { [0] = "Champions" });
        Assert.Equal("Champions", renamed.Segments[0].Name);
        Assert.NotEqual(a.Checksum, renamed.Checksum);
        Assert.Equal(renamed.Checksum, SegmentModel.FromJson(renamed.ToJson()).Checksum);
        Assert.Throws<ArgumentException>(() => a.WithNames(new Dictionary<int, string> { [42] = "x" }));
    }

    [Fact]
    public void Assign_gives_the_nearest_centroid_and_its_distance()
    {
        var table = ModelTestData.Table(seed: 7, perBlob: 50, ModelTestData.FourBlobs);
        var model = ModelTestData.Fit(table, k: 4);
        var a = model.Assign(table);
        var km = KMeansModel.FromCentroids(model.Centroids);
        var d = km.Transform(a.Clustered);
        for (int r = 0; r < a.Rows; r++)
        {
            var row = d.Row(r).ToArray();
            Assert.Equal(row.Min(), a.Distances[r], 5);
            Assert.Equal(Array.IndexOf(row, row.Min()), a.Labels[r]);
            Assert.Equal(model.Segments[a.Labels[r]].Id, a.SegmentId(r));
        }
    }

    [Fact]
    public void Assignments_csv_has_one_row_per_customer()
    {
        var table = ModelTestData.Table(seed: 8, perBlob: 20, ModelTestData.FourBlobs);
        var model = ModelTestData.Fit(table, k: 4).WithNames(new Dictionary<int, string> { [0] = "Big, \"loyal\"" });
        using var dir = new TempDir();
        model.Assign(table).WriteCsv(dir.File("a.csv"));
        var lines = File.ReadAllLines(dir.File("a.csv"));
        Assert.Equal("customer_id,segment_id,segment_name,distance", lines[0]);
        Assert.Equal(81, lines.Length);
        Assert.Contains(lines, l => l.Contains(",0,\"Big, \"\"loyal\"\"\",", StringComparison.Ordinal));
    }

    [Fact]
    public void Assign_names_a_missing_input()
    {
        var table = ModelTestData.Table(seed: 9, perBlob: 20, ModelTestData.FourBlobs);
        var model = ModelTestData.Fit(table, k: 2);
        var other = new SegmentLab.Features.FeatureTable(table.Cutoff, null, "", ["a"],
            [new SegmentLab.Features.FeatureDefinition("recency_days", "", "", SegmentLab.Features.FeatureFamily.Behavioural, true)], [], [],
            new Dictionary<string, double[]> { ["recency_days"] = [1] }, new Dictionary<string, string?[]>());
        var e = Assert.Throws<SegmentLab.Data.InputException>(() => model.Assign(other));
        Assert.Contains("'frequency', 'monetary'", e.Message);
    }
}
