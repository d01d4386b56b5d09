using SegmentLab.Data;
using SegmentLab.Features;

namespace SegmentLab.Tests.Features;

/// <summary>Fitted transforms: log1p by skew, winsorizing, scaling, constant-drop, correlation report, reuse on new data.</summary>
public sealed class FeatureTransformTests
{
    private static FeatureMatrix Matrix(string[] names, params double[][] columns)
    {
        int rows = columns[0].Length;
        var values = new float[rows * columns.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns.Length; c++)
            {
                values[(r * columns.Length) + c] = (float)columns[c][r];
            }
        }

        return new FeatureMatrix(values, rows, columns.Length, names);
    }

    private static readonly TransformSettings NoWinsor = new() { WinsorizeLower = null, WinsorizeUpper = null };

    [Fact]
    public void Skewed_non_negative_columns_get_log1p_and_symmetric_ones_do_not()
    {
        var m = Matrix(["skewed", "symmetric", "negative"], [0, 0, 0, 1, 100], [1, 2, 3, 4, 5], [-100, 0, 0, 0, 0]);
        var t = Transform(m, NoWinsor);
        Assert.True(t.Columns[0].Log);
        Assert.Equal(1.4999, t.Columns[0].Skewness, 3);   // m3 / m2^1.5 of [0,0,0,1,100]
        Assert.False(t.Columns[1].Log);
        Assert.Equal(0, t.Columns[1].Skewness, 12);
        Assert.False(t.Columns[2].Log);                     // negative values never get log1p
    }

    [Fact]
    public void Log_and_nolog_lists_override_the_skew_rule()
    {
        var m = Matrix(["a", "b"], [0, 0, 0, 1, 100], [1, 2, 3, 4, 5]);
        var t = Transform(m, NoWinsor with { Log = ["b"], NoLog = ["a"] });
        Assert.False(t.Columns[0].Log);
        Assert.True(t.Columns[1].Log);
        Assert.Throws<InputException>(() => Transform(Matrix(["n"], [-1, 2, 3]), NoWinsor with { Log = ["n"] }));
    }

    [Fact]
    public void Standard_scaling_gives_mean_zero_and_population_sd_one()
    {
        var m = Matrix(["x"], [1, 2, 3, 4]);
        var t = Transform(m, NoWinsor);
        Assert.Equal(2.5, t.Columns[0].Center, 12);
        Assert.Equal(Math.Sqrt(1.25), t.Columns[0].Scale, 12);
        var z = t.Apply(m);
        Assert.Equal(-1.3416408f, z[0, 0], 5);
        Assert.Equal(0, Enumerable.Range(0, 4).Sum(r => z[r, 0]), 5);
    }

    [Fact]
    public void Robust_scaling_uses_median_and_iqr()
    {
        var t = Transform(Matrix(["x"], [1, 2, 3, 4, 100]), NoWinsor with { Scaling = "robust", SkewThreshold = 1e9 });
        Assert.Equal(3, t.Columns[0].Center, 12);
        Assert.Equal(2, t.Columns[0].Scale, 12);   // q75 = 4, q25 = 2
    }

    [Fact]
    public void Winsorizing_clips_at_the_fitted_quantiles()
    {
        var x = Enumerable.Range(1, 101).Select(i => (double)i).ToArray();
        x[100] = 1e6;   // one extreme outlier
        var t = Transform(Matrix(["x"], x), new TransformSettings { WinsorizeLower = 0.01, WinsorizeUpper = 0.99, SkewThreshold = 1e9, Scaling = "none" });
        Assert.Equal(2, t.Columns[0].Low, 9);      // numpy.quantile(x, 0.01) = 2
        Assert.Equal(100, t.Columns[0].High, 9);   // 0.99 × 100 = 99 → x[99] = 100
        Assert.Equal(100, t.Columns[0].Apply(1e6), 9);
    }

    [Fact]
    public void Constant_columns_are_dropped_and_reported()
    {
        var t = Transform(Matrix(["x", "constant"], [1, 2, 3], [7, 7, 7]), NoWinsor);
        Assert.Equal(["constant"], t.Dropped);
        Assert.Equal(["x"], t.OutputNames);
        Assert.Equal(3, t.Apply(Matrix(["x", "constant"], [1, 2, 3], [7, 7, 7])).Rows);
    }

    [Fact]
    public void Near_duplicate_inputs_are_reported()
    {
        var t = Transform(Matrix(["a", "b", "c"], [1, 2, 3, 4, 5], [2, 4, 6, 8, 10.5], [5, 1, 4, 2, 3]), NoWinsor with { SkewThreshold = 1e9 });
        var pair = Assert.Single(t.Correlated);
        Assert.Equal(("a", "b"), (pair.First, pair.Second));
        Assert.True(pair.R > 0.99);
    }

    [Fact]
    public void The_fitted_transform_applies_unchanged_to_new_data_by_column_name()
    {
        var train = Matrix(["a", "b"], [0, 0, 0, 1, 100], [1, 2, 3, 4, 5]);
        var t = Transform(train, NoWinsor);
        var fresh = Matrix(["b", "extra", "a"], [3], [42], [9]);
        var z = t.Apply(fresh);
        Assert.Equal((float)t.Columns[0].Apply(9), z[0, 0]);
        Assert.Equal((float)t.Columns[1].Apply(3), z[0, 1]);
        var e = Assert.Throws<ArgumentException>(() => t.Apply(Matrix(["a"], [1])));
        Assert.Contains("no column 'b'", e.Message);
    }

    [Fact]
    public void Non_finite_values_are_refused_with_the_feature_named()
    {
        var e = Assert.Throws<InputException>(() => Transform(Matrix(["ok", "bad"], [1, 2], [1, double.NaN]), NoWinsor));
        Assert.Contains("feature 'bad'", e.Message);
        var t = Transform(Matrix(["x"], [0, 0, 0, 1, 100]), NoWinsor);
        var e2 = Assert.Throws<InputException>(() => t.Apply(Matrix(["x"], [-5])));
        Assert.Contains("feature 'x' becomes non-finite", e2.Message);
    }

    private static FeatureTransform Transform(FeatureMatrix m, TransformSettings s) => FeatureTransform.Fit(m, s);
}
