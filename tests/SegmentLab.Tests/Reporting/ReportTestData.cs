using SegmentLab.Data;
using SegmentLab.Profiling;
using SegmentLab.Reporting;
using SegmentLab.Tests.Profiling;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Reporting;

/// <summary>
/// A complete report input on the planted personas (<see cref="ProfileTestData"/>): data quality, a k sweep 2..5 with
/// the gap statistic, exact silhouette, profiles, and a validation report with lift, stability and drift, so every
/// panel of the report appears. Deterministic: built from seeds only.
/// </summary>
internal static class ReportTestData
{
    private static readonly Lazy<SegmentReportData> Shared = new(Build);

    public static SegmentReportData Data => Shared.Value;

    private static SegmentReportData Build()
    {
        var d = ProfileTestData.Instance;
        var sweep = KSelection.Sweep(d.Clustered, new KSelectionOptions
        {
            MinK = 2, MaxK = 5, KMeans = ProfileTestData.KMeans4, GapReferences = 4, Seed = 5,
        });
        var silhouette = Silhouette.Exact(d.Clustered, d.Model.Labels);
        var profiles = SegmentProfiler.Build(d.Table, d.Model.Labels, d.Validation.Report, silhouette: silhouette);
        return new SegmentReportData
        {
            Title = "Planted personas <test>",
            Quality = Quality,
            Table = d.Table,
            Transform = d.Transform,
            Clustered = d.Clustered,
            Model = d.Model,
            Silhouette = silhouette,
            KSelection = sweep,
            Profiles = profiles,
            Validation = d.Validation.Report,
            Rfm = d.Validation.Rfm,
            Notes = "made by ReportTestData\nsecond note",
        };
    }

    public static DataQualityReport Quality { get; } = new()
    {
        Tables =
        [
            new TableQuality
            {
                Table = "transactions", Files = ["orders.csv"], RowsRead = 1_000, RowsLoaded = 950, DistinctCustomers = 200,
                FilteredByRule = new Dictionary<string, long> { ["missingCustomerId"] = 40 },
                RejectedByReason = new Dictionary<string, long> { ["bad date"] = 10 },
                FirstTimestamp = new DateTime(2024, 1, 2), LastTimestamp = new DateTime(2025, 3, 30),
            },
        ],
    };
}
