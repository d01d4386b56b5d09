using System.Text.Json;
using Microsoft.Playwright;

namespace SegmentLab.Tests.Browser;

/// <summary>What a report looked like in the browser: console errors, network requests, each chart's rendering, a screenshot.</summary>
internal sealed record ReportPage(IReadOnlyList<string> ConsoleErrors, IReadOnlyList<string> Requests, IReadOnlyList<ChartState> Charts,
    int ChartsRendered, string Screenshot)
{
    /// <summary>Where screenshots go: <c>SEGMENTLAB_TEST_ARTIFACTS</c>, else TestResults/browser under the repository (git-ignored).</summary>
    public static string ArtifactsDir => Environment.GetEnvironmentVariable("SEGMENTLAB_TEST_ARTIFACTS") is { Length: > 0 } dir
        ? dir
        : Path.Combine(TestPaths.RepoRoot, "TestResults", "browser");

    /// <summary>
    /// Opens <paramref name="htmlPath"/> in a fresh page (laptop-sized viewport), blocks and records every request other
    /// than the file itself, waits until the report marks its charts drawn, inspects each chart and saves a full-page
    /// screenshot as <paramref name="name"/>.png.
    /// </summary>
    public static async Task<ReportPage> Open(IBrowser browser, string htmlPath, string name)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        try
        {
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            var requests = new List<string>();
            page.Console += (_, m) =>
            {
                if (m.Type == "error")
                {
                    lock (errors)
                    {
                        errors.Add(m.Text);
                    }
                }
            };
            page.PageError += (_, e) =>
            {
                lock (errors)
                {
                    errors.Add("uncaught: " + e);
                }
            };
            string url = new Uri(htmlPath).AbsoluteUri;
            await page.RouteAsync("**/*", async route =>
            {
                if (route.Request.Url == url)
                {
                    await route.ContinueAsync();
                    return;
                }

                lock (requests)
                {
                    requests.Add(route.Request.Url);
                }

                await route.AbortAsync();
            });
            await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
            await page.WaitForSelectorAsync("body[data-charts-rendered]", new PageWaitForSelectorOptions { Timeout = 60_000, State = WaitForSelectorState.Attached });
            int rendered = int.Parse(await page.GetAttributeAsync("body", "data-charts-rendered") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
            string json = await page.EvaluateAsync<string>("""
                () => JSON.stringify(Array.from(document.querySelectorAll('div.chart')).map(el => ({
                  id: el.id,
                  svg: el.querySelectorAll('svg.main-svg').length,
                  traces: (el._fullData || []).length,
                  drawn: el.querySelectorAll('g.trace, g.hm, image').length,
                  points: (el._fullData || []).reduce((n, t) => n + ((t.x || t.z || []).length || 0), 0),
                  firstText: (() => { const t = ((el._fullData || [])[0] || {}).text; return Array.isArray(t) ? String(t[0]) : null; })(),
                  width: el.getBoundingClientRect().width,
                  height: el.getBoundingClientRect().height
                })))
                """);
            var charts = JsonSerializer.Deserialize<List<ChartState>>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
            Directory.CreateDirectory(ArtifactsDir);
            string shot = Path.Combine(ArtifactsDir, name + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            lock (errors)
            {
                lock (requests)
                {
                    return new ReportPage(errors.ToArray(), requests.ToArray(), charts, rendered, shot);
                }
            }
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Asserts the page is clean: no console errors, no requests, every chart drawn with an SVG and traces, screenshot saved.</summary>
    public void AssertEveryChartDrawn(int expectedCharts)
    {
        Assert.True(ConsoleErrors.Count == 0, "console errors: " + string.Join(" | ", ConsoleErrors));
        Assert.True(Requests.Count == 0, "network requests: " + string.Join(" | ", Requests));
        Assert.Equal(expectedCharts, Charts.Count);
        Assert.Equal(expectedCharts, ChartsRendered);
        foreach (var c in Charts)
        {
            Assert.True(c.Svg > 0, $"{c.Id}: no svg");
            Assert.True(c.Traces > 0, $"{c.Id}: no traces");
            Assert.True(c.Drawn > 0, $"{c.Id}: no trace drawn in the svg");
            Assert.True(c.Points > 0, $"{c.Id}: traces without data");
            Assert.True(c.Width > 300 && c.Height > 200, $"{c.Id}: {c.Width}×{c.Height} px");
        }

        Assert.True(new FileInfo(Screenshot).Length > 10_000, $"screenshot {Screenshot} missing or empty");
    }
}

/// <summary>One chart as the page drew it.</summary>
internal sealed record ChartState(string Id, int Svg, int Traces, int Drawn, int Points, string? FirstText, double Width, double Height);
