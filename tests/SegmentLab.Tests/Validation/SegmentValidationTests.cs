using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>
/// The validation run on small planted tables: a noise segment is flagged by stability, outcomes are resolved (missing
/// defaults skipped, a missing named outcome refused), baseline shares give the mix shift, progress and cancellation.
/// </summary>
public sealed partial class SegmentValidationTests
{
    /// <summary>
    /// ClusterStabilityTests' planted layout as a feature table: four tight blobs of 50 at x = 0, 10, 20, 30 and the same
    /// 15 noise points in each of the three gaps. With k = 5 one segment takes the noise of one gap — a different gap
    /// in each resample. Outcome purchased_in_holdout: blob b buys with probability 0.2 · b.
    /// </summary>
    internal static (FeatureTable Table, FeatureMatrix X) Planted()
    {
        var rng = new Random(42);
        var xs = new List<double>();
        var ys = new List<double>();
        var bought = new List<double>();
        for (int b = 0; b < 4; b++)
        {
            for (int i = 0; i < 50; i++)
            {
                xs.Add((10 * b) + (0.5 * KSelectionTests.Gauss(rng)));
                ys.Add(0.5 * KSelectionTests.Gauss(rng));
                bought.Add(rng.NextDouble() < 0.2 * b ? 1 : 0);
            }
        }

        var noise = Enumerable.Range(0, 15).Select(_ => (X: 2 + (rng.NextDouble() * 6), Y: -3 + (rng.NextDouble() * 6))).ToArray();
        for (int gap = 0; gap < 3; gap++)
        {
            foreach (var (x, y) in noise)
            {
                xs.Add((10 * gap) + x);
                ys.Add(y);
                bought.Add(rng.NextDouble() < 0.3 ? 1 : 0);
            }
        }

        int n = xs.Count;
        var table = Table(n, new() { ["x"] = [.. xs], ["y"] = [.. ys] }, new() { ["purchased_in_holdout"] = [.. bought] },
            new() { ["region"] = xs.Select(v => (string?)(v < 15 ? "West" : "East")).ToArray() });
        return (table, table.ToMatrix(["x", "y"]));
    }

    /// <summary>A feature table from columns (the internal constructor FeatureBuilder uses).</summary>
    internal static FeatureTable Table(int n, Dictionary<string, double[]> features, Dictionary<string, double[]> outcomes, Dictionary<string, string?[]> attributes)
    {
        var numeric = features.Concat(outcomes).ToDictionary(p => p.Key, p => p.Value);
        return new FeatureTable(new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 1), "-- planted", Enumerable.Range(0, n).Select(i => $"C{i:D4}").ToArray(),
            features.Keys.Select(k => new FeatureDefinition(k, k, "", FeatureFamily.Behavioural, true)).ToArray(),
            outcomes.Keys.Select(k => new FeatureDefinition(k, k, "", FeatureFamily.Outcome, false)).ToArray(),
            attributes.Keys.Select(k => new FeatureDefinition(k, k, "", FeatureFamily.Attribute, false)).ToArray(),
            numeric, attributes);
    }

    private static readonly KMeansOptions Five = new() { K = 5, NInit = 5, Seed = 0 };

    private static readonly ValidationSettings Quick = new() { StabilityReplicates = 30, LiftReplicates = 100, Seed = 1 };

    [Fact]
    public void A_planted_noise_segment_fails_stability_and_the_blobs_pass()
    {
        var (table, x) = Planted();
        var model = KMeans.Fit(x, Five);
        var result = SegmentValidation.Run(new SegmentValidationInput { Table = table, Clustered = x, Model = model, RefitOptions = Five, Settings = Quick });
        var report = result.Report;
        // The noise segment is the one whose points are spread widest in y.
        int noise = Enumerable.Range(0, 5).MaxBy(s => Enumerable.Range(0, x.Rows).Where(i => model.Labels[i] == s).Select(i => Math.Abs(x[i, 1])).Average());
        var stability = report.Stability!;
        Assert.Equal(30, stability.Replicates);
        Assert.Equal(noise, stability.LeastStable!.Segment);
        Assert.Contains(report.Checks, c => c.Name == ValidationChecks.Stability && c.Status == CheckStatus.Fail && c.Segment == noise);
        Assert.DoesNotContain(report.Checks, c => c.Name == ValidationChecks.Stability && c.Segment != noise && c.Status != CheckStatus.Pass);
        Assert.Equal(CheckStatus.Fail, report.Verdict);

        // The other sections are there too, from the same labels.
        Assert.Equal(SegmentLabels.Sizes(model.Labels, 5), report.Data.SegmentSizes);
        Assert.Equal(["x", "y"], report.Data.Features);
        Assert.Equal(SilhouetteMethod.Exact, report.Separation!.SilhouetteMethod);
        Assert.Equal(result.Silhouette.Mean, report.Separation.SilhouetteMean);
        Assert.Equal(result.Silhouette.Band, report.Separation.SilhouetteBand);
        Assert.Equal(ClusterIndices.DaviesBouldin(x, model.Labels), report.Separation.DaviesBouldin);
        Assert.Equal("purchased_in_holdout", Assert.Single(report.Lift!.Binary).Outcome);
        Assert.Empty(report.Lift.Continuous);
        Assert.Empty(report.Lift.BaselineBinary);                  // no recency/frequency/monetary: no RFM baseline
        Assert.Null(result.Rfm);
        Assert.Equal(["x", "y"], report.FeatureIndex!.Features);
        Assert.Equal(["region"], report.CategoricalIndex!.Attributes);
        Assert.Null(report.Drift);
        Assert.Contains(result.Notes, n => n.Contains("'engaged_in_holdout' is not in the table"));
        Assert.Contains(result.Notes, n => n.Contains("'holdout_revenue' is not in the table"));
        Assert.Contains(result.Notes, n => n.Contains("RFM baseline was skipped"));
        // The report is the evaluated one and survives JSON.
        Assert.Equal(ValidationChecks.Evaluate(report, Quick), report.Checks);
        Assert.Equal(report.Verdict, ValidationReport.FromJson(report.ToJson()).Verdict);
    }

    [Fact]
    public void An_outcome_the_analyst_named_must_exist_and_the_message_lists_the_available_ones()
    {
        var (table, x) = Planted();
        var model = KMeans.Fit(x, Five);
        var settings = Quick with { BinaryOutcomes = ["purchased_in_holdout", "campaign_response"] };
        var e = Assert.Throws<InputException>(() => SegmentValidation.Run(new SegmentValidationInput { Table = table, Clustered = x, Model = model, Settings = settings }));
        Assert.Contains("outcome 'campaign_response'", e.Message);
        Assert.Contains("Available outcomes: purchased_in_holdout", e.Message);

        var continuous = Quick with { ContinuousOutcomes = ["basket_value"] };
        Assert.Contains("'basket_value'", Assert.Throws<InputException>(() =>
            SegmentValidation.Run(new SegmentValidationInput { Table = table, Clustered = x, Model = model, Settings = continuous })).Message);
    }

    [Fact]
    public void Without_refit_options_or_outcomes_those_sections_are_absent()
    {
        var (table, x) = Planted();
        var model = KMeans.Fit(x, Five);
        var result = SegmentValidation.Run(new SegmentValidationInput
        {
            Table = table, Clustered = x, Model = model, Settings = Quick with { BinaryOutcomes = [], ContinuousOutcomes = [] },
        });
        Assert.Null(result.Report.Stability);
        Assert.Null(result.Report.Lift);
        Assert.Contains(result.Notes, n => n.Contains("stability was not measured"));
        Assert.Contains(result.Report.Checks, c => c.Name == ValidationChecks.Silhouette);
    }

    [Fact]
    public void Baseline_shares_and_centroids_give_the_mix_shift_and_centroid_shift()
    {
        var (table, x) = Planted();
        var model = KMeans.Fit(x, Five);
        var sizes = SegmentLabels.Sizes(model.Labels, 5);
        // A baseline where segment 0 held 10 points more of the 245 and segment 1 ten fewer; centroids moved by 0.3 in x.
        var shares = sizes.Select((c, s) => (c + (s == 0 ? 10.0 : s == 1 ? -10.0 : 0)) / x.Rows).ToArray();
        var moved = new FeatureMatrix(model.Centroids.Values.ToArray().Select((v, i) => i % 2 == 0 ? v - 0.3f : v).ToArray(), 5, 2, model.Centroids.ColumnNames);
        var result = SegmentValidation.Run(new SegmentValidationInput
        {
            Table = table, Clustered = x, Model = model, Settings = Quick, BaselineSegmentShares = shares, BaselineCentroids = moved,
        });
        var drift = result.Report.Drift!;
        Assert.Equal(0, drift.BaselineCustomers);                  // unknown without a distribution or assignments
        Assert.Equal(shares, drift.Segments!.Segments.Select(s => s.BaselineShare));
        Assert.Equal(Drift.Psi(shares, sizes.Select(c => (double)c / x.Rows).ToArray()), drift.Segments.Psi, 12);
        Assert.All(drift.Centroids!, c => Assert.InRange(c.Distance, 0.299, 0.301));
        Assert.Empty(drift.Features);
        Assert.Null(drift.Assignments);
        Assert.Contains(result.Report.Checks, c => c.Name == ValidationChecks.SegmentShareDrift);
        Assert.Equal(CheckStatus.Pass, Assert.Single(result.Report.Checks, c => c.Name == ValidationChecks.CentroidShift).Status);   // 0.3 < 0.5
        Assert.Throws<ArgumentException>(() => SegmentValidation.Run(new SegmentValidationInput
        {
            Table = table, Clustered = x, Model = model, Settings = Quick, BaselineSegmentShares = [0.5, 0.5],
        }));
    }

    [Fact]
    public void Progress_goes_from_0_to_1_and_cancellation_stops_the_run()
    {
        var (table, x) = Planted();
        var model = KMeans.Fit(x, Five);
        var values = new List<double>();
        var progress = new Collect(values);
        SegmentValidation.Run(new SegmentValidationInput { Table = table, Clustered = x, Model = model, RefitOptions = Five, Settings = Quick with { StabilityReplicates = 4 } }, progress);
        Assert.Equal(0, values[0]);
        Assert.Equal(1, values[^1]);
        Assert.True(values.Zip(values.Skip(1)).All(p => p.First <= p.Second), string.Join(", ", values));
        Assert.True(values.Count >= 4 + 5, "one report per bootstrap replicate and per phase");

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            SegmentValidation.Run(new SegmentValidationInput { Table = table, Clustered = x, Model = model, RefitOptions = Five, Settings = Quick }, ct: cts.Token));
    }

    [Fact]
    public void Mismatched_parts_are_refused()
    {
        var (table, x) = Planted();
        var model = KMeans.Fit(x, Five);
        var fewer = x.SelectRows(Enumerable.Range(0, 100).ToArray());
        Assert.Contains("100 rows but the table has 245", Assert.Throws<ArgumentException>(() =>
            SegmentValidation.Run(new SegmentValidationInput { Table = table, Clustered = fewer, Model = model })).Message);
        Assert.Throws<ArgumentException>(() =>
            SegmentValidation.Run(new SegmentValidationInput { Table = table, Clustered = x, Model = model, Labels = [1, 2, 3] }));
    }

    private sealed class Collect(List<double> values) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (values)
            {
                values.Add(value);
            }
        }
    }
}
