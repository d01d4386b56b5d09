using System.Text.RegularExpressions;
using SegmentLab.Reporting;
using SegmentLab.Tests.Reporting;

namespace SegmentLab.Tests.Browser;

/// <summary>
/// The HTML report opened in headless Chromium: no console error, no network request of any kind, every chart drawn
/// (an SVG with traces holding data), a full-page screenshot kept in TestResults/browser (see <see cref="ReportPage"/>).
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class ReportBrowserTests(ChromiumFixture chromium)
{
    private static int ChartsIn(string html) => Regex.Matches(html, "<div class=\"chart\"").Count;

    [Fact]
    public async Task The_planted_report_renders_every_panel_offline()
    {
        using var dir = new TempDir();
        var files = SegmentReport.Write(ReportTestData.Data, dir.Path);
        var page = await ReportPage.Open(chromium.Browser, files.Html, "report-planted");
        page.AssertEveryChartDrawn(12);
        string[] ids = ["chart-size", "chart-heatmap", "chart-quality", "chart-kselection", "chart-pca", "chart-silhouette",
            "chart-lift-purchased-in-holdout", "chart-gains-purchased-in-holdout", "chart-lift-holdout-revenue", "chart-stability", "chart-drift", "chart-mix"];
        Assert.Equal(ids.Order(StringComparer.Ordinal), page.Charts.Select(c => c.Id).Order(StringComparer.Ordinal));
        // The scatter's hover text is the customer id.
        Assert.Matches("^P[0-3]-[0-9]{2}$", page.Charts.Single(c => c.Id == "chart-pca").FirstText);
    }

    [Fact]
    public async Task The_generated_sample_report_renders()
    {
        using var dir = new TempDir();
        var data = RealReports.Sample();
        var files = SegmentReport.Write(data, dir.Path);
        string html = File.ReadAllText(files.Html);
        var page = await ReportPage.Open(chromium.Browser, files.Html, "report-sample");
        page.AssertEveryChartDrawn(ChartsIn(html));
        Assert.Contains(page.Charts, c => c.Id == "chart-gains-purchased-in-holdout");
        Assert.Contains(page.Charts, c => c.Id == "chart-stability");
        Assert.Equal(data.Profiles.Count, data.Profiles.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [SkippableOnlineRetailFact]
    public async Task The_online_retail_report_renders()
    {
        using var dir = new TempDir();
        var data = RealReports.OnlineRetail();
        var files = SegmentReport.Write(data, dir.Path);
        string html = File.ReadAllText(files.Html);
        var page = await ReportPage.Open(chromium.Browser, files.Html, "report-online-retail-ii");
        page.AssertEveryChartDrawn(ChartsIn(html));
        Assert.Contains(page.Charts, c => c.Id == "chart-lift-purchased-in-holdout");
        Assert.Equal(data.Profiles.Count, data.Profiles.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(data.Profiles.Segments, s => Assert.DoesNotContain("Empty", s.Name, StringComparison.Ordinal));
    }
}
