using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>Input checks shared by every silhouette method and index, with messages quoting the values.</summary>
public sealed partial class SilhouetteTests
{
    private static readonly FeatureMatrix Six = new([0, 1, 2, 10, 11, 12], 6, 1, ["spend"]);

    [Fact]
    public void Label_count_must_match_rows()
    {
        var e = Assert.Throws<ArgumentException>(() => Silhouette.Exact(Six, [0, 0, 1]));
        Assert.Contains("3 labels for 6 rows", e.Message);
        Assert.Throws<ArgumentException>(() => ClusterIndices.CalinskiHarabasz(Six, [0, 1]));
    }

    [Fact]
    public void Negative_labels_are_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Silhouette.Exact(Six, [0, 0, -1, 1, 1, 1]));
        Assert.Contains("label -1 at row 2", e.Message);
    }

    [Fact]
    public void One_segment_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => Silhouette.Exact(Six, [2, 2, 2, 2, 2, 2]));
        Assert.Contains("2 to n − 1 segments", e.Message);
        Assert.Contains("1 non-empty segment", e.Message);
        Assert.Throws<InputException>(() => ClusterIndices.DaviesBouldin(Six, [0, 0, 0, 0, 0, 0]));
        Assert.Throws<InputException>(() => Silhouette.Sampled(Six, [0, 0, 0, 0, 0, 0], 3, 1));
    }

    [Fact]
    public void Every_row_its_own_segment_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => Silhouette.Exact(Six, [0, 1, 2, 3, 4, 5]));
        Assert.Contains("6 non-empty segments", e.Message);
    }

    [Fact]
    public void Non_finite_values_are_an_input_error_naming_the_column()
    {
        var x = new FeatureMatrix([0, 1, float.PositiveInfinity, 3], 4, 1, ["recency"]);
        var e = Assert.Throws<InputException>(() => Silhouette.Exact(x, [0, 0, 1, 1]));
        Assert.Contains("row 2, column 'recency'", e.Message);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Silhouette.Exact(Six, [0, 0, 0, 1, 1, 1], cts.Token));
    }
}
