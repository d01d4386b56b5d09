using SegmentLab.Data;
using SegmentLab.Decomposition;
using SegmentLab.Features;

namespace SegmentLab.Tests.Decomposition;

/// <summary>Bad data and bad settings: clear messages quoting the values.</summary>
public sealed partial class PcaTests
{
    private static FeatureMatrix Rows(params double[][] rows) => FeatureMatrix.FromRows(rows.Select(r => (IReadOnlyList<double>)r).ToList());

    [Fact]
    public void One_row_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => Pca.Fit(Rows([1, 2, 3])));
        Assert.Contains("at least 2 rows", e.Message);
    }

    [Fact]
    public void Two_rows_give_one_component_explaining_everything()
    {
        var model = Pca.Fit(Rows([0, 0], [3, 4]));
        Assert.Equal(2, model.Components);
        Assert.Equal(1, model.ExplainedVarianceRatio[0], 12);
        Assert.Equal(12.5, model.ExplainedVariance[0], 9);    // squared distance 25 / 2 … × (n − 1 = 1)
        Assert.Equal(0.6, model.Loadings[0, 0], 6);
        Assert.Equal(0.8, model.Loadings[0, 1], 6);
    }

    [Fact]
    public void All_constant_columns_are_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => Pca.Fit(Rows([1, 2], [1, 2], [1, 2])));
        Assert.Contains("constant", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Components_outside_1_to_min_rows_columns_are_an_input_error(int components)
    {
        var e = Assert.Throws<InputException>(() => Pca.Fit(PcaFixtures.Iris, new PcaOptions { Components = components }));
        Assert.Contains($"components={components}", e.Message);
        Assert.Contains("between 1 and 4", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    public void Variance_threshold_outside_0_1_is_an_input_error(double threshold)
    {
        var e = Assert.Throws<InputException>(() => Pca.Fit(PcaFixtures.Iris, new PcaOptions { VarianceThreshold = threshold }));
        Assert.Contains("strictly between 0 and 1", e.Message);
    }

    [Fact]
    public void Components_and_threshold_together_are_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => Pca.Fit(PcaFixtures.Iris, new PcaOptions { Components = 2, VarianceThreshold = 0.9 }));
        Assert.Contains("set one or the other", e.Message);
    }

    [Fact]
    public void A_non_finite_value_is_an_input_error_naming_row_and_column()
    {
        var x = new FeatureMatrix([1, 2, 3, float.NaN, 5, 6], 3, 2, ["recency", "frequency"]);
        var e = Assert.Throws<InputException>(() => Pca.Fit(x));
        Assert.Contains("row 1, column 'frequency'", e.Message);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Pca.Fit(PcaFixtures.Iris, ct: cts.Token));
    }
}
