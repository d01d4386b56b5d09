using System.Text.Json;
using Plotly.NET;
using SegmentLab.Reporting;

namespace SegmentLab.Tests.Reporting;

/// <summary>The charts' figures as plotly.js receives them: sampling, hover ids, marks and thinning.</summary>
public sealed class SegmentChartsTests
{
    private static readonly SegmentReportData D = ReportTestData.Data;

    private static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement;

    private static JsonElement[] Traces(GenericChart chart) => Figure(chart).GetProperty("data").EnumerateArray().ToArray();

    [Fact]
    public void The_scatter_draws_a_seeded_sample_with_customer_ids_on_hover()
    {
        var chart = SegmentCharts.PcaScatter(D.Clustered, D.Profiles, D.Table.CustomerIds, maxPoints: 100, seed: 3);
        var traces = Traces(chart);
        var customers = traces.Where(t => t.GetProperty("name").GetString() != "segment centres").ToArray();
        var ids = customers.SelectMany(t => t.GetProperty("text").EnumerateArray().Select(x => x.GetString()!)).ToArray();
        Assert.Equal(100, ids.Length);
        Assert.Equal(100, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Contains(id, D.Table.CustomerIds));
        // Each trace holds only its segment's customers.
        foreach (var t in customers)
        {
            string name = t.GetProperty("name").GetString()!;
            int segment = D.Profiles.Names.ToList().IndexOf(name);
            Assert.All(t.GetProperty("text").EnumerateArray(), id =>
                Assert.Equal(segment, D.Model.Labels[D.Table.CustomerIds.ToList().IndexOf(id.GetString()!)]));
        }

        Assert.Equal(4, traces.Single(t => t.GetProperty("name").GetString() == "segment centres").GetProperty("x").GetArrayLength());
        Assert.Contains("100 of 200 shown", Figure(chart).GetProperty("layout").GetProperty("title").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(GenericChart.toFigureJson(chart), GenericChart.toFigureJson(SegmentCharts.PcaScatter(D.Clustered, D.Profiles, D.Table.CustomerIds, maxPoints: 100, seed: 3)));
        Assert.NotEqual(GenericChart.toFigureJson(chart), GenericChart.toFigureJson(SegmentCharts.PcaScatter(D.Clustered, D.Profiles, D.Table.CustomerIds, maxPoints: 100, seed: 4)));
    }

    [Fact]
    public void The_scatter_has_biplot_arrows_for_the_loadings()
    {
        var annotations = Figure(SegmentCharts.PcaScatter(D.Clustered, D.Profiles, D.Table.CustomerIds)).GetProperty("layout").GetProperty("annotations");
        var labels = annotations.EnumerateArray().Where(a => a.GetProperty("text").GetString() != "").Select(a => a.GetProperty("text").GetString()).ToArray();
        Assert.Equal(D.Clustered.ColumnNames.Order(StringComparer.Ordinal), labels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sample_rows_are_a_sorted_sample_without_repeats()
    {
        var rows = SegmentCharts.SampleRows(1000, 50, 9);
        Assert.Equal(50, rows.Length);
        Assert.Equal(rows.Order(), rows);
        Assert.Equal(50, rows.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 30), SegmentCharts.SampleRows(30, 50, 9));
    }

    [Fact]
    public void The_k_chart_marks_the_elbow_and_best_silhouette_and_the_chosen_k()
    {
        var r = D.KSelection!;
        var figure = Figure(SegmentCharts.KSelection(r));
        var names = figure.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToArray();
        Assert.Contains($"best silhouette k={r.SilhouetteK}", names);
        if (r.ElbowK is { } elbow)
        {
            Assert.Contains($"elbow k={elbow}", names);
        }

        Assert.Equal(r.RecommendedK, figure.GetProperty("layout").GetProperty("shapes")[0].GetProperty("x0").GetDouble());
        Assert.Equal([2, 3, 4, 5], figure.GetProperty("data")[0].GetProperty("x").EnumerateArray().Select(x => x.GetInt32()));
    }

    [Fact]
    public void The_silhouette_plot_thins_each_segment_in_proportion_and_keeps_its_sorted_shape()
    {
        var traces = Traces(SegmentCharts.Silhouette(D.Silhouette!, D.Profiles, maxPoints: 100));
        Assert.Equal(4, traces.Length);
        foreach (var t in traces)
        {
            // 50 of 200 customers → 25 of 100 points, plus the two closing points of the filled shape.
            var xs = t.GetProperty("x").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            Assert.Equal(27, xs.Length);
            Assert.Equal(xs[1..^1].Order(), xs[1..^1]);
            Assert.Equal(0, xs[0]);
            Assert.Equal(0, xs[^1]);
        }
    }

    [Fact]
    public void The_heatmap_shows_the_index_and_colours_its_log_ratio()
    {
        var trace = Traces(SegmentCharts.ProfileHeatmap(D.Profiles))[0];
        Assert.Equal(D.Profiles.KeyFeatures, trace.GetProperty("x").EnumerateArray().Select(x => x.GetString()!));
        var first = D.Profiles.Segments[0];
        var index = first[D.Profiles.KeyFeatures[0]]!.Index!.Value;
        Assert.Equal(index.ToString("0", System.Globalization.CultureInfo.InvariantCulture), trace.GetProperty("text")[0][0].GetString());
        Assert.Equal(Math.Round(Math.Clamp(Math.Log2(index / 100), -2, 2), 3), trace.GetProperty("z")[0][0].GetDouble(), 6);
    }

    [Fact]
    public void Lift_draws_intervals_and_the_baseline_and_gains_end_at_one()
    {
        var lift = D.Validation.Lift!;
        var traces = Traces(SegmentCharts.Lift(lift, D.Profiles, "purchased_in_holdout"));
        Assert.Equal(2, traces.Length);
        var b = lift.Binary.Single(x => x.Outcome == "purchased_in_holdout");
        var upper = traces[0].GetProperty("error_y").GetProperty("array").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        for (int i = 0; i < b.Segments.Count; i++)
        {
            Assert.Equal(Math.Round(b.Segments[i].LiftInterval.High - b.Segments[i].Lift, 3), upper[i], 3);
        }

        var gains = Traces(SegmentCharts.Gains(lift, "purchased_in_holdout", D.Profiles));
        var y = gains[1].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(1.0, y[^1], 6);
        Assert.Throws<ArgumentException>(() => SegmentCharts.Lift(lift, D.Profiles, "nope"));
    }
}
