using SegmentLab.Models;
using SegmentLab.Pipeline;
using SegmentLab.Profiling;
using SegmentLab.Validation;

namespace SegmentLab.Cli;

/// <summary>
/// The one JSON object <c>--json</c> prints for run, fit, validate and demo. The schema is documented in
/// docs/cli-json.md; keys are always present (null when not applicable), so scripts can rely on them.
/// </summary>
internal sealed record CliSummary
{
    /// <summary>Bumped on any incompatible change of this object.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string Command { get; init; }

    public required int Customers { get; init; }

    public required DateOnly Cutoff { get; init; }

    public DateOnly? HoldoutEnd { get; init; }

    public required int K { get; init; }

    public double? Silhouette { get; init; }

    public string? SilhouetteMethod { get; init; }

    public required CheckStatus Verdict { get; init; }

    public required IReadOnlyList<Check> Checks { get; init; }

    public required IReadOnlyList<Segment> Segments { get; init; }

    public Selection? KSelection { get; init; }

    public DriftSummary? Drift { get; init; }

    public LineageSummary? Lineage { get; init; }

    public required Paths Outputs { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    public required double Seconds { get; init; }

    public sealed record Check(string Name, CheckStatus Status, string Reason, int? Segment, string? Subject);

    public sealed record Segment(int Id, int Label, string Name, int Size, double Share, IReadOnlyDictionary<string, double> Lift, double? Silhouette, int? PreviousId);

    public sealed record Selection(int RecommendedK, string Reason, int? ElbowK, int? GapK, int? SilhouetteK);

    public sealed record DriftSummary(double? MaxFeaturePsi, string? MostDriftedFeature, double? SegmentMixPsi, double? MaxCentroidShift,
        int? ReturningCustomers, double? ReturningAdjustedRandIndex);

    public sealed record LineageSummary(string PreviousChecksum, IReadOnlyList<int> Kept, IReadOnlyList<int> Appeared, IReadOnlyList<int> Vanished,
        IReadOnlyList<SegmentSplit> Splits, IReadOnlyList<SegmentMerge> Merges, MigrationMatrix Migration);

    public sealed record Paths(string? Model, string? Html, string? Markdown, string? Json, string? Assignments);

    /// <summary>The summary of a fit (run, fit, demo).</summary>
    public static CliSummary Of(string command, PipelineResult r, double seconds)
    {
        var model = r.Model;
        return Common(command, r.Table.Rows, r.Table.Cutoff, r.Table.HoldoutEnd, r.Validation, r.Profiles, model.Segments.Select(s => s.Id).ToArray(),
            model.Segments.Select(s => s.PreviousId).ToArray(), r.Notes, seconds) with
        {
            KSelection = r.KSelection is { } k ? new Selection(k.RecommendedK, k.Reason, k.ElbowK, k.GapK, k.SilhouetteK) : null,
            Lineage = r.Lineage is { } l ? new LineageSummary(l.PreviousChecksum,
                l.Segments.Where(m => m.Change == SegmentChange.Kept).Select(m => m.Id).ToArray(),
                l.Segments.Where(m => m.Change == SegmentChange.Appeared).Select(m => m.Id).ToArray(),
                l.Vanished, l.Splits, l.Merges, l.Migration) : null,
            Outputs = new Paths(r.ModelPath, r.Report?.Html, r.Report?.Markdown, r.Report?.Metrics, r.Report?.Assignments),
        };
    }

    /// <summary>The summary of a re-validation.</summary>
    public static CliSummary Of(string command, RevalidationResult r, double seconds)
    {
        var ids = r.Model.Segments.Select(s => s.Id).ToArray();
        var drift = r.Validation.Report.Drift;
        return Common(command, r.Table.Rows, r.Cutoff, r.Table.HoldoutEnd, r.Validation, r.Profiles, ids, new int?[ids.Length], r.Notes, seconds) with
        {
            Drift = drift is null ? null : new DriftSummary(
                drift.MostDrifted?.Psi, drift.MostDrifted?.Feature, drift.Segments?.Psi, drift.Centroids?.Select(c => c.Distance).DefaultIfEmpty().Max(),
                drift.Assignments?.Matched, drift.Assignments?.AdjustedRandIndex),
            Outputs = new Paths(null, r.Files.FirstOrDefault(f => f.EndsWith(".html", StringComparison.Ordinal)),
                r.Files.FirstOrDefault(f => f.EndsWith(".md", StringComparison.Ordinal)),
                r.Files.FirstOrDefault(f => f.EndsWith(".json", StringComparison.Ordinal)),
                r.Files.FirstOrDefault(f => f.EndsWith(".csv", StringComparison.Ordinal) && Path.GetFileName(f).Contains("assignments", StringComparison.Ordinal))),
        };
    }

    private static CliSummary Common(string command, int customers, DateOnly cutoff, DateOnly? holdoutEnd, SegmentValidationResult v, SegmentProfiles profiles,
        IReadOnlyList<int> ids, IReadOnlyList<int?> previous, IReadOnlyList<string> notes, double seconds)
    {
        var report = v.Report;
        var segments = profiles.Segments.Select((p, label) => new Segment(
            ids[label], label, p.Name, p.Size, p.Share,
            report.Lift?.Binary.Where(b => b[label] is not null).ToDictionary(b => b.Outcome, b => b[label]!.Lift) ?? new Dictionary<string, double>(),
            report.Separation?.SilhouetteSegmentMeans is { } means && label < means.Count ? means[label] : null,
            previous[label])).ToArray();
        return new CliSummary
        {
            Command = command,
            Customers = customers,
            Cutoff = cutoff,
            HoldoutEnd = holdoutEnd,
            K = profiles.Count,
            Silhouette = report.Separation?.SilhouetteMean,
            SilhouetteMethod = report.Separation?.SilhouetteMethod?.ToString().ToLowerInvariant(),
            Verdict = report.Verdict,
            Checks = report.Checks.Select(c => new Check(c.Name, c.Status, c.Reason, c.Segment, c.Subject)).ToArray(),
            Segments = segments,
            Outputs = new Paths(null, null, null, null, null),
            Notes = notes,
            Seconds = Math.Round(seconds, 2),
        };
    }
}
