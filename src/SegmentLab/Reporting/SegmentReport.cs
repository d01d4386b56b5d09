using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SegmentLab.Data;

namespace SegmentLab.Reporting;

/// <summary>
/// Writes the segment report: one self-contained HTML file (plotly.js embedded once, no network requests), the same
/// story in Markdown, the assignments CSV, one CSV per segment and the validation metrics JSON. Every file is first
/// written in full to a hidden temporary file beside its target; only when all are complete are they renamed into
/// place, so a failed or cancelled run leaves the previous report as it was.
/// </summary>
public static partial class SegmentReport
{
    /// <summary>The HTML file's name without prefix.</summary>
    public const string HtmlFileName = "segment-report.html";

    /// <summary>The Markdown file's name without prefix.</summary>
    public const string MarkdownFileName = "segment-report.md";

    /// <summary>The assignments file's name without prefix.</summary>
    public const string AssignmentsFileName = "assignments.csv";

    /// <summary>The metrics file's name without prefix.</summary>
    public const string MetricsFileName = "metrics.json";

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Writes every output into <paramref name="outputDirectory"/> (created when missing).</summary>
    /// <param name="data">What to report.</param>
    /// <param name="outputDirectory">The folder to write to.</param>
    /// <param name="options">File prefix, chart sampling, seed and whether to write per-segment CSVs; default <see cref="ReportOptions"/>.</param>
    /// <param name="ct">Cancels before anything is renamed into place (the previous report stays intact).</param>
    /// <returns>The paths written. Per-segment CSVs of an earlier run with the same prefix that this run did not write
    /// (another k or other names) are deleted, so the folder holds one consistent report.</returns>
    /// <exception cref="ArgumentException">The parts of <paramref name="data"/> disagree in shape, or the options are invalid.</exception>
    /// <exception cref="IOException">A file could not be written; nothing was replaced.</exception>
    public static ReportFiles Write(SegmentReportData data, string outputDirectory, ReportOptions? options = null, CancellationToken ct = default) =>
        Invariant(() => WriteFiles(data, outputDirectory, options, ct));

    private static ReportFiles WriteFiles(SegmentReportData data, string outputDirectory, ReportOptions? options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        var ctx = new ReportContext(data, options ?? new ReportOptions());
        string dir = Path.GetFullPath(outputDirectory);
        string prefix = ctx.Options.FilePrefix;
        string PathOf(string name) => Path.Combine(dir, prefix + name);

        var files = new ReportFiles
        {
            Html = PathOf(HtmlFileName),
            Markdown = PathOf(MarkdownFileName),
            Assignments = PathOf(AssignmentsFileName),
            Metrics = PathOf(MetricsFileName),
            SegmentCsvs = ctx.Options.SegmentCsvs
                ? ctx.Profiles.Segments.Select(s => PathOf($"segment-{s.Id}-{ReportContext.Slug(s.Name)}.csv")).ToArray()
                : [],
        };
        var outputs = new List<(string Path, Action<TextWriter> Write)>
        {
            (files.Html, (Action<TextWriter>)(w => WriteHtml(ctx, w, ct))),
            (files.Markdown, (Action<TextWriter>)(w => w.Write(Markdown(ctx)))),
            (files.Assignments, (Action<TextWriter>)(w => WriteAssignments(ctx, w))),
        };
        for (int s = 0; s < files.SegmentCsvs.Count; s++)
        {
            int segment = s;
            outputs.Add((files.SegmentCsvs[s], w => WriteSegmentCsv(ctx, segment, w)));
        }

        outputs.Add((files.Metrics, w => w.Write(data.Validation.ToJson())));

        var pending = new List<PendingFile>();
        try
        {
            foreach (var (path, write) in outputs)
            {
                ct.ThrowIfCancellationRequested();
                if (Directory.Exists(path))
                {
                    throw new IOException($"cannot write the report file {path}: a folder of that name is in the way.");
                }

                var file = AtomicFile.Create(path);
                pending.Add(file);
                using (var writer = new StreamWriter(file.Stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" })
                {
                    write(writer);
                }

                ctx.Options.AfterFileWritten?.Invoke(path);
            }

            ct.ThrowIfCancellationRequested();
            foreach (var file in pending)
            {
                file.Commit();
            }
        }
        finally
        {
            foreach (var file in pending)
            {
                file.Dispose();
            }
        }

        RemoveStaleSegmentCsvs(dir, prefix, files.SegmentCsvs);
        return files;
    }

    /// <summary>The HTML report as one self-contained string.</summary>
    /// <param name="data">What to report.</param>
    /// <param name="o">Chart sampling and seed; default <see cref="ReportOptions"/>.</param>
    /// <exception cref="ArgumentException">The parts of <paramref name="data"/> disagree in shape, or the options are invalid.</exception>
    public static string ToHtml(SegmentReportData data, ReportOptions? o = null) => Invariant(() =>
    {
        var ctx = new ReportContext(data, o ?? new ReportOptions());
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteHtml(ctx, writer, CancellationToken.None);
        return writer.ToString();
    });

    /// <summary>
    /// The Markdown report: summary, checks, data quality, the choice of k, the segment table, one section per segment,
    /// the feature index, lift next to the RFM baseline, stability, drift and the PCA loadings. Deterministic: the same
    /// data gives the same text.
    /// </summary>
    /// <exception cref="ArgumentException">The parts of <paramref name="data"/> disagree in shape.</exception>
    public static string ToMarkdown(SegmentReportData data) => Invariant(() => Markdown(new ReportContext(data, new ReportOptions())));

    /// <summary>Runs <paramref name="make"/> with the invariant culture, so numbers and dates read the same on every machine.</summary>
    private static T Invariant<T>(Func<T> make)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return make();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    private static void RemoveStaleSegmentCsvs(string dir, string prefix, IReadOnlyList<string> written)
    {
        var keep = written.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var pattern = new Regex("^" + Regex.Escape(prefix) + @"segment-\d+-[a-z0-9-]+\.csv$", RegexOptions.CultureInvariant);
        foreach (string path in Directory.EnumerateFiles(dir, prefix + "segment-*.csv"))
        {
            string name = Path.GetFileName(path);
            if (pattern.IsMatch(name) && !keep.Contains(name))
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // A stale activation file that cannot be removed is left; the new report is complete regardless.
                }
            }
        }
    }
}
