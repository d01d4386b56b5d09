using System.Globalization;
using System.Text.Json;
using SegmentLab.Validation;
using Spectre.Console;

namespace SegmentLab.Cli;

/// <summary>Prints a <see cref="CliSummary"/> as tables (people) or as one JSON object (programs).</summary>
internal static class CliPrint
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Writes the summary in the mode's form; nothing when quiet.</summary>
    public static void Summary(CliMode mode, CliSummary s)
    {
        if (mode.Json)
        {
            mode.Out.WriteLine(JsonSerializer.Serialize(s, CliJson.Options));
            return;
        }

        if (!mode.Human)
        {
            return;
        }

        var console = mode.Console;
        console.MarkupLineInterpolated($"{s.Customers:N0} customers as of {s.Cutoff:yyyy-MM-dd}: {s.K} segments{(s.Silhouette is { } sil ? string.Create(C, $", silhouette {sil:0.000}") : "")}");
        if (s.KSelection is { } k)
        {
            // The reason already starts with "k = …:".
            console.MarkupLineInterpolated($"[grey]{k.Reason}[/]");
        }

        Segments(console, s);
        if (s.Lineage is { } l)
        {
            console.MarkupLineInterpolated($"Previous model: kept {Ids(l.Kept)}; appeared {Ids(l.Appeared)}; vanished {Ids(l.Vanished)}; {l.Splits.Count} split(s), {l.Merges.Count} merge(s); {l.Migration.Returning:N0} returning customers.");
            Migration(console, l.Migration);
        }

        if (s.Drift is { } d)
        {
            console.MarkupLineInterpolated($"Drift: largest feature PSI {F(d.MaxFeaturePsi, "0.000")} ({d.MostDriftedFeature ?? "—"}), segment mix PSI {F(d.SegmentMixPsi, "0.000")}, largest centroid shift {F(d.MaxCentroidShift, "0.00")}, returning customers {d.ReturningCustomers?.ToString("N0", C) ?? "—"} (ARI {F(d.ReturningAdjustedRandIndex, "0.00")}).");
        }

        Verdict(console, s);
        foreach (string note in s.Notes.Where(n => !n.StartsWith("k = ", StringComparison.Ordinal)))
        {
            console.MarkupLineInterpolated($"[grey]Note: {note}[/]");
        }

        foreach (var (label, path) in new[] { ("Report", s.Outputs.Html), ("Markdown", s.Outputs.Markdown), ("Metrics", s.Outputs.Json), ("Model", s.Outputs.Model) })
        {
            if (path is not null)
            {
                console.MarkupLineInterpolated($"{label}: [link]{path}[/]");
            }
        }

        console.MarkupLineInterpolated($"[grey]{s.Seconds:0.0} s[/]");
    }

    private static void Segments(IAnsiConsole console, CliSummary s)
    {
        var outcomes = s.Segments.SelectMany(x => x.Lift.Keys).Distinct().ToArray();
        var table = new Table().AddColumns("id", "name", "size", "share");
        foreach (string o in outcomes)
        {
            table.AddColumn(new TableColumn(Markup.Escape($"lift {o}")).RightAligned());
        }

        table.AddColumn(new TableColumn("silhouette").RightAligned());
        foreach (var seg in s.Segments)
        {
            var cells = new List<string>
            {
                seg.Id.ToString(C), Markup.Escape(seg.Name), seg.Size.ToString("N0", C), seg.Share.ToString("P1", C),
            };
            cells.AddRange(outcomes.Select(o => seg.Lift.TryGetValue(o, out var v) ? v.ToString("0.00", C) : "—"));
            cells.Add(F(seg.Silhouette, "0.00"));
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
    }

    /// <summary>Returning customers, previous segment (rows) → new segment (columns): the "previous group" view.</summary>
    private static void Migration(IAnsiConsole console, Models.MigrationMatrix m)
    {
        if (m.Returning == 0)
        {
            return;
        }

        var table = new Table().Title("returning customers: previous segment → new segment").AddColumn("previous \\ new");
        foreach (int id in m.Ids)
        {
            table.AddColumn(new TableColumn(id.ToString(C)).RightAligned());
        }

        for (int r = 0; r < m.PreviousIds.Count; r++)
        {
            table.AddRow([m.PreviousIds[r].ToString(C), .. m.Counts[r].Select(n => n.ToString("N0", C))]);
        }

        console.Write(table);
    }

    private static void Verdict(IAnsiConsole console, CliSummary s)
    {
        string colour = s.Verdict switch { CheckStatus.Fail => "red", CheckStatus.Warn => "yellow", _ => "green" };
        var problems = s.Checks.Where(c => c.Status != CheckStatus.Pass).ToArray();
        console.MarkupLine($"Verdict: [{colour}]{s.Verdict.ToString().ToUpperInvariant()}[/] ({s.Checks.Count} checks, {problems.Length} not passing)");
        foreach (var c in problems.OrderByDescending(c => c.Status).Take(12))
        {
            console.MarkupLineInterpolated($"  {c.Status.ToString().ToUpperInvariant(),-4} {c.Name}: {c.Reason}");
        }

        if (problems.Length > 12)
        {
            console.MarkupLineInterpolated($"  … and {problems.Length - 12} more (see the report)");
        }
    }

    private static string Ids(IReadOnlyList<int> ids) => ids.Count == 0 ? "none" : string.Join(", ", ids);

    private static string F(double? v, string format) => v?.ToString(format, C) ?? "—";
}
