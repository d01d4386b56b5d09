using System.Text.RegularExpressions;
using SegmentLab.Reporting;

namespace SegmentLab.Tests.Reporting;

/// <summary>The HTML as text: self-contained, plotly.js once, every panel present, text escaped. (Rendering: ReportBrowserTests.)</summary>
public sealed partial class SegmentReportTests
{
    private static readonly Lazy<string> Html = new(() => SegmentReport.ToHtml(D));

    [Fact]
    public void The_html_embeds_plotly_once_and_loads_nothing_from_elsewhere()
    {
        string html = Html.Value;
        Assert.Single(Regex.Matches(html, "<script>/\\* plotly\\.js "));
        Assert.Equal(2, Regex.Matches(html, "<script").Count);
        Assert.DoesNotMatch("<script[^>]+src=", html);
        Assert.DoesNotMatch("<link[^>]+href=", html);
        Assert.DoesNotMatch("<img[^>]+src=\"?http", html);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.True(html.Length < 10_000_000, $"{html.Length:N0} characters");
    }

    [Fact]
    public void Every_panel_is_there_with_its_chart()
    {
        string html = Html.Value;
        string[] sections = ["summary", "segments", "quality", "k-selection", "pca", "silhouette", "lift", "stability", "drift", "profiles"];
        foreach (string id in sections)
        {
            Assert.Contains($"<section id=\"{id}\">", html, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"#{id}\">", html, StringComparison.Ordinal);
        }

        string[] charts = ["size", "heatmap", "quality", "kselection", "pca", "silhouette", "lift-purchased-in-holdout", "gains-purchased-in-holdout",
            "lift-holdout-revenue", "stability", "drift", "mix"];
        foreach (string id in charts)
        {
            Assert.Contains($"id=\"chart-{id}\"", html, StringComparison.Ordinal);
            Assert.Contains($"\"chart-{id}\": {{\"data\":[", html, StringComparison.Ordinal);
        }

        Assert.Equal(charts.Length, Regex.Matches(html, "<div class=\"chart\"").Count);
        Assert.Equal(4, Regex.Matches(html, "<article class=\"card\"").Count);
        foreach (var s in D.Profiles.Segments)
        {
            Assert.Contains($"<h3>{System.Net.WebUtility.HtmlEncode(s.Name)}</h3>", html, StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(s.Description), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_summary_states_window_customers_features_k_and_verdict()
    {
        string html = Html.Value;
        Assert.Contains("transactions from 2024-01-02 to 2025-03-30; features from data before 2025-01-01; holdout outcomes from 2025-01-01 to 2025-03-31", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Customers</dt><dd>200</dd>", html, StringComparison.Ordinal);
        Assert.Contains("5 features: recency_days, frequency, monetary, tenure_days, discount_share", html, StringComparison.Ordinal);
        Assert.Contains(D.KSelection!.Reason[..20], html, StringComparison.Ordinal);
        Assert.Contains("<li>second note</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_data_is_escaped()
    {
        string html = Html.Value;
        Assert.Contains("<title>Planted personas &lt;test&gt;</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<test>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_is_deterministic()
    {
        Assert.Equal(Html.Value, SegmentReport.ToHtml(D));
    }
}
