using Plotly.NET;

namespace SegmentLab.Reporting;

/// <summary>
/// The plotly.js bundle that ships inside the Plotly.NET assembly as an embedded resource (plotly.min.js, MIT), read
/// once, so the HTML report embeds it and needs no network: no CDN, no npm.
/// </summary>
internal static class PlotlyJs
{
    private static readonly Lazy<(string Version, string Source)> Bundle = new(Load);

    /// <summary>The plotly.js version, e.g. 2.28.0.</summary>
    public static string Version => Bundle.Value.Version;

    /// <summary>The minified source, safe to put inside a script element.</summary>
    public static string Source => Bundle.Value.Source;

    private static (string, string) Load()
    {
        var assembly = typeof(GenericChart).Assembly;
        string name = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .LastOrDefault()
            ?? throw new InvalidOperationException($"plotly.js is not embedded in {assembly.GetName().Name} {assembly.GetName().Version}; the report needs it to work offline.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        string source = reader.ReadToEnd();
        // A literal "</script" would end the inline script element early.
        source = source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
        string version = name["Plotly.NET.plotly-".Length..^".min.js".Length];
        return (version, source);
    }
}
