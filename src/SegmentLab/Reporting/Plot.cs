using System.Globalization;
using Plotly.NET;

namespace SegmentLab.Reporting;

/// <summary>
/// Small helpers over Plotly.NET's dynamic trace and layout objects: properties are set with plotly.js's own names
/// (<c>error_y</c>, <c>hovertemplate</c>), so every chart reads like the plotly.js reference. Also the segment palette
/// and number rounding that keeps the embedded JSON small.
/// </summary>
internal static class Plot
{
    /// <summary>Tableau 10 then its light variants: distinguishable, and stable per segment id across charts.</summary>
    private static readonly string[] Palette =
    [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
        "#a0cbe8", "#ffbe7d", "#ff9d9a", "#86bcb6", "#8cd17d", "#f1ce63", "#d4a6c8", "#fabfd2", "#d7b5a6", "#79706e",
    ];

    public const string Grey = "#8c8c8c";
    public const string Ink = "#333333";
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

    public static string Colour(int segment) => Palette[segment % Palette.Length];

    /// <summary>A trace of the given plotly.js type with the given properties (null values are left out).</summary>
    public static Trace2D Trace(string type, params (string Key, object? Value)[] properties)
    {
        var trace = new Trace2D(type);
        foreach (var (key, value) in properties)
        {
            if (value is not null)
            {
                trace.SetProperty(key, value);
            }
        }

        return trace;
    }

    /// <summary>A chart of <paramref name="traces"/> with a layout built from the base style plus <paramref name="properties"/>.</summary>
    public static GenericChart Chart(IEnumerable<Trace> traces, params (string Key, object? Value)[] properties)
    {
        var layout = new Layout();
        layout.SetProperty("font", new { family = FontFamily, size = 12, color = Ink });
        layout.SetProperty("margin", new { l = 60, r = 20, t = 40, b = 50 });
        layout.SetProperty("paper_bgcolor", "#ffffff");
        layout.SetProperty("plot_bgcolor", "#ffffff");
        layout.SetProperty("hovermode", "closest");
        layout.SetProperty("legend", new { orientation = "h", y = -0.2 });
        foreach (var (key, value) in properties)
        {
            if (value is not null)
            {
                layout.SetProperty(key, value);
            }
        }

        var chart = GenericChart.ofTraceObjects(false, traces.ToArray());
        return GenericChart.setLayout(layout, chart);
    }

    /// <summary>An axis with a title, light grid lines and the given extra properties.</summary>
    public static Dictionary<string, object> Axis(string? title, params (string Key, object? Value)[] properties)
    {
        var axis = new Dictionary<string, object>
        {
            ["gridcolor"] = "#e6e6e6",
            ["zerolinecolor"] = "#bdbdbd",
            ["automargin"] = true,
        };
        if (title is not null)
        {
            axis["title"] = new { text = title };
        }

        foreach (var (key, value) in properties)
        {
            if (value is not null)
            {
                axis[key] = value;
            }
        }

        return axis;
    }

    /// <summary>A chart's title object.</summary>
    public static object Title(string text) => new { text, x = 0, xanchor = "left", font = new { size = 15 } };

    /// <summary>A horizontal line across the plot at <paramref name="y"/> (a layout shape).</summary>
    public static object HLine(double y, string colour, string dash = "dash", string yref = "y") =>
        new { type = "line", xref = "paper", x0 = 0, x1 = 1, yref, y0 = y, y1 = y, line = new { color = colour, width = 1.5, dash } };

    /// <summary>A vertical line across the plot at <paramref name="x"/> (a layout shape).</summary>
    public static object VLine(double x, string colour, string dash = "dash", string xref = "x") =>
        new { type = "line", yref = "paper", y0 = 0, y1 = 1, xref, x0 = x, x1 = x, line = new { color = colour, width = 1.5, dash } };

    /// <summary>Rounds to <paramref name="digits"/> significant-enough decimals so the JSON stays short (NaN and ∞ become null).</summary>
    public static double? R(double x, int digits = 4) => double.IsFinite(x) ? Math.Round(x, digits) : null;

    public static double?[] R(IEnumerable<double> xs, int digits = 4) => xs.Select(x => R(x, digits)).ToArray();

    public static string F(double x, string format) => x.ToString(format, CultureInfo.InvariantCulture);
}
