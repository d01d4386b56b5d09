using SegmentLab.Clustering;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>Issue 5 §8 through the whole run: a planted shifted feature fails the drift check, an unchanged resample passes.</summary>
public sealed partial class SegmentValidationTests
{
    /// <summary>
    /// 2,000 customers in two groups along x (at 0 and 6, sd 1); y is independent noise, N(<paramref name="yShift"/>, 1).
    /// A different <paramref name="seed"/> is an unchanged resample of the same population.
    /// </summary>
    private static (FeatureTable Table, FeatureMatrix X) Population(int seed, double yShift = 0)
    {
        const int n = 2000;
        var rng = new Random(seed);
        var xs = new double[n];
        var ys = new double[n];
        for (int i = 0; i < n; i++)
        {
            xs[i] = (6 * (i % 2)) + KSelectionTests.Gauss(rng);
            ys[i] = yShift + KSelectionTests.Gauss(rng);
        }

        var table = Table(n, new() { ["x"] = xs, ["y"] = ys }, [], []);
        return (table, table.ToMatrix(["x", "y"]));
    }

    private static SegmentValidationResult RevalidateAgainst(FeatureMatrix baseline, KMeansModel model, FeatureTable table, FeatureMatrix x) =>
        SegmentValidation.Run(new SegmentValidationInput
        {
            Table = table,
            Clustered = x,
            Model = KMeansModel.FromCentroids(model.Centroids),
            Settings = Quick with { BinaryOutcomes = [], ContinuousOutcomes = [] },
            BaselineDistribution = FeatureDistribution.Capture(baseline),
        });

    [Fact]
    public void A_planted_shift_fails_the_drift_check_and_an_unchanged_resample_passes()
    {
        var (_, baseline) = Population(seed: 1);
        var model = KMeans.Fit(baseline, new KMeansOptions { K = 2, NInit = 2, Seed = 0 });

        // Unchanged resample: PSI near its sampling noise (≈ 9 × 2 / 2000 ≈ 0.01 for deciles), one passing check.
        var (sameTable, same) = Population(seed: 2);
        var unchanged = RevalidateAgainst(baseline, model, sameTable, same).Report;
        Assert.All(unchanged.Drift!.Features, f => Assert.True(f.Psi < 0.05 && f.Band == DriftBand.Stable, $"{f.Feature}: PSI {f.Psi}"));
        var pass = Assert.Single(unchanged.Checks, c => c.Name == ValidationChecks.FeatureDrift);
        Assert.Equal(CheckStatus.Pass, pass.Status);
        Assert.NotEqual(CheckStatus.Fail, unchanged.Verdict);

        // y moved by 0.8 standard deviations (PSI ≈ 0.8² ≈ 0.6 ≥ 0.25): y fails, x (unchanged) is not flagged.
        var (shiftedTable, shifted) = Population(seed: 2, yShift: 0.8);
        var drifted = RevalidateAgainst(baseline, model, shiftedTable, shifted).Report;
        var y = drifted.Drift!.Features.Single(f => f.Feature == "y");
        Assert.Equal(DriftBand.Significant, y.Band);
        Assert.InRange(y.MeanShift!.Value, 0.7, 0.9);
        Assert.Equal(DriftBand.Stable, drifted.Drift.Features.Single(f => f.Feature == "x").Band);
        var fail = Assert.Single(drifted.Checks, c => c.Name == ValidationChecks.FeatureDrift);
        Assert.Equal((CheckStatus.Fail, "y"), (fail.Status, fail.Subject));
        Assert.Contains("feature y has drifted significantly", fail.Reason);
        Assert.Equal(CheckStatus.Fail, drifted.Verdict);
    }
}
