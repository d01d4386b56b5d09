using System.Net;
using Plotly.NET;
using SegmentLab.Validation;

namespace SegmentLab.Reporting;

public static partial class SegmentReport
{
    private const string Css = """
        :root{--ink:#222;--muted:#666;--line:#e3e3e3;--bg:#f5f6f8;--card:#fff;--pass:#2e7d32;--warn:#b26a00;--fail:#c62828;--link:#2a5d9f}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
        main{max-width:1200px;margin:0 auto;padding:24px 20px 48px}
        header h1{margin:0 0 4px;font-size:26px}
        .sub{color:var(--muted);margin:0}
        nav{position:sticky;top:0;z-index:10;background:var(--bg);padding:8px 0;border-bottom:1px solid var(--line);font-size:14px}
        nav a{margin-right:14px;color:var(--link);text-decoration:none;white-space:nowrap}
        section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:18px 0}
        h2{font-size:19px;margin:0 0 10px}
        h3{font-size:16px;margin:14px 0 6px}
        .chart{width:100%;min-height:320px;margin:8px 0}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:13.5px;margin:8px 0}
        th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        th{color:var(--muted);font-weight:600}
        .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        td.name{min-width:210px}
        .badge{display:inline-block;padding:1px 9px;border-radius:10px;font-size:12px;font-weight:700;color:#fff;letter-spacing:.03em}
        .pass{background:var(--pass)}.warn{background:var(--warn)}.fail{background:var(--fail)}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:0}
        dl.facts dt{color:var(--muted)} dl.facts dd{margin:0}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:16px}
        .card{border:1px solid var(--line);border-top:6px solid var(--c);border-radius:10px;padding:14px 16px;background:#fff}
        .card h3{margin:0 0 2px;font-size:17px}
        .card p{margin:6px 0;font-size:14px}
        .kv{display:grid;grid-template-columns:max-content 1fr;gap:1px 12px;font-size:13.5px;margin:8px 0}
        .kv span:nth-child(odd){color:var(--muted)}
        .swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;background:var(--c);vertical-align:-1px}
        .muted{color:var(--muted)}
        footer{color:var(--muted);font-size:12.5px;text-align:center;margin-top:24px}
        """;

    /// <summary>Plotly's configuration for every chart: responsive, no logo, no zoom on scroll (the page scrolls).</summary>
    private const string PlotConfig = """{"responsive":true,"displaylogo":false,"scrollZoom":false,"modeBarButtonsToRemove":["select2d","lasso2d","autoScale2d"]}""";

    private static void WriteHtml(ReportContext ctx, TextWriter w, CancellationToken ct)
    {
        var d = ctx.Data;
        var charts = new List<(string Id, GenericChart Chart)>();
        var body = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        HtmlSummary(ctx, body);
        HtmlSegments(ctx, body, charts);
        ct.ThrowIfCancellationRequested();
        HtmlQuality(ctx, body, charts);
        HtmlKSelection(ctx, body, charts);
        HtmlScatter(ctx, body, charts);
        ct.ThrowIfCancellationRequested();
        HtmlSilhouette(ctx, body, charts);
        HtmlLift(ctx, body, charts);
        HtmlHealth(ctx, body, charts);
        HtmlCards(ctx, body);
        ct.ThrowIfCancellationRequested();

        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine($"<title>{H(d.Title)}</title>");
        w.WriteLine($"<style>{Css}</style>");
        w.Write($"<script>/* plotly.js {PlotlyJs.Version} (MIT licence), embedded so the report works offline */\n");
        w.Write(PlotlyJs.Source);
        w.WriteLine("\n</script>");
        w.WriteLine("</head><body><main>");
        var verdict = d.Validation.Verdict;
        w.WriteLine($"<header><h1>{H(d.Title)}</h1><p class=\"sub\">{d.Table.Rows:N0} customers · {d.Model.K} segments · cutoff {d.Table.Cutoff:yyyy-MM-dd} · validation {Badge(verdict)}</p></header>");
        w.Write("<nav>");
        foreach (var (id, label) in Navigation(ctx))
        {
            w.Write($"<a href=\"#{id}\">{label}</a>");
        }

        w.WriteLine("</nav>");
        w.Write(body.ToString());
        w.WriteLine($"<footer>Made by SegmentLab {H(typeof(SegmentReport).Assembly.GetName().Version?.ToString(3) ?? "")} · charts by Plotly.NET with plotly.js {PlotlyJs.Version} embedded · no network needed</footer>");
        w.WriteLine("</main>");
        w.WriteLine("<script>");
        w.WriteLine("(function () {");
        w.WriteLine($"  var config = {PlotConfig};");
        w.WriteLine("  var figures = {");
        for (int i = 0; i < charts.Count; i++)
        {
            // "<" only occurs inside JSON strings, so \u003c keeps the JSON valid and the script element closed.
            string json = GenericChart.toFigureJson(charts[i].Chart).Replace("<", "\\u003c", StringComparison.Ordinal);
            w.WriteLine($"    \"{charts[i].Id}\": {json}{(i < charts.Count - 1 ? "," : "")}");
        }

        w.WriteLine("  };");
        w.WriteLine("""
              var drawn = Object.keys(figures).map(function (id) {
                try { return Plotly.newPlot(id, figures[id].data, figures[id].layout, config); }
                catch (e) { console.error("chart " + id + " failed: " + e); return Promise.resolve(); }
              });
              Promise.all(drawn).then(function () { document.body.setAttribute("data-charts-rendered", String(drawn.length)); },
                function (e) { console.error("a chart failed to render: " + e); });
            })();
            """);
        w.WriteLine("</script>");
        w.WriteLine("</body></html>");
    }

    private static IEnumerable<(string Id, string Label)> Navigation(ReportContext ctx)
    {
        var d = ctx.Data;
        yield return ("summary", "Summary");
        yield return ("segments", "Segments");
        if (d.Quality is not null)
        {
            yield return ("quality", "Data quality");
        }

        if (d.KSelection is not null)
        {
            yield return ("k-selection", "Choosing k");
        }

        yield return ("pca", "PCA");
        if (d.Silhouette is not null)
        {
            yield return ("silhouette", "Silhouette");
        }

        if (HasLift(d.Validation.Lift))
        {
            yield return ("lift", "Lift");
        }

        if (d.Validation.Stability is not null)
        {
            yield return ("stability", "Stability");
        }

        if (d.Validation.Drift is not null)
        {
            yield return ("drift", "Drift");
        }

        yield return ("profiles", "Segment cards");
    }

    private static bool HasLift(LiftSection? lift) => lift is not null && (lift.Binary.Count > 0 || lift.Continuous.Count > 0);

    private static string Chart(string id, string label) =>
        $"<div class=\"chart\" id=\"chart-{id}\" data-chart=\"{id}\" role=\"img\" aria-label=\"{H(label)}\"></div>";

    private static string Badge(CheckStatus status) =>
        $"<span class=\"badge {status.ToString().ToLowerInvariant()}\">{status.ToString().ToUpperInvariant()}</span>";

    private static string H(string? text) => WebUtility.HtmlEncode(text ?? "");
}
