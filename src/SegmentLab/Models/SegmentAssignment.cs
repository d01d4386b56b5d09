using System.Globalization;
using Microsoft.Data.Analysis;
using SegmentLab.Data;
using SegmentLab.Features;

namespace SegmentLab.Models;

/// <summary>
/// The segment of each customer under a saved model (<see cref="SegmentModel.Assign"/>): label, stable id, name and
/// the distance to the segment's centroid, plus the clustering-space rows that were scored. Immutable.
/// </summary>
public sealed class SegmentAssignment
{
    private readonly IReadOnlyList<int> _ids;
    private readonly IReadOnlyList<string> _names;

    internal SegmentAssignment(DateOnly cutoff, IReadOnlyList<string> customerIds, int[] labels, double[] distances, IReadOnlyList<int> segmentIds,
        IReadOnlyList<string> names, FeatureMatrix clustered)
    {
        Cutoff = cutoff;
        CustomerIds = customerIds;
        Labels = labels;
        Distances = distances;
        _ids = segmentIds;
        _names = names;
        Clustered = clustered;
        var sizes = new int[segmentIds.Count];
        foreach (int l in labels)
        {
            sizes[l]++;
        }

        Sizes = sizes;
    }

    /// <summary>The as-of date of the features scored.</summary>
    public DateOnly Cutoff { get; }

    /// <summary>Customer ids, one per row (the feature table's order).</summary>
    public IReadOnlyList<string> CustomerIds { get; }

    /// <summary>Label (centroid row, 0..K−1) per customer; backed by an <c>int[]</c>.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Euclidean distance from each customer to its segment's centroid, in the clustering space.</summary>
    public IReadOnlyList<double> Distances { get; }

    /// <summary>The scored rows (transformed, projected), rows × D.</summary>
    public FeatureMatrix Clustered { get; }

    /// <summary>Customers per label.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>Number of customers.</summary>
    public int Rows => CustomerIds.Count;

    /// <summary>The stable segment id of row <paramref name="row"/>.</summary>
    public int SegmentId(int row) => _ids[Labels[row]];

    /// <summary>The segment name of row <paramref name="row"/>.</summary>
    public string SegmentName(int row) => _names[Labels[row]];

    /// <summary>Writes <c>customer_id,segment_id,segment_name,distance</c> as CSV (RFC 4180 quoting), atomically.</summary>
    public void WriteCsv(string path)
    {
        AtomicFile.WriteText(path, w =>
        {
            w.Write("customer_id,segment_id,segment_name,distance\n");
            for (int r = 0; r < Rows; r++)
            {
                w.Write(Csv(CustomerIds[r]));
                w.Write(',');
                w.Write(SegmentId(r).ToString(CultureInfo.InvariantCulture));
                w.Write(',');
                w.Write(Csv(SegmentName(r)));
                w.Write(',');
                w.Write(Distances[r].ToString("0.######", CultureInfo.InvariantCulture));
                w.Write('\n');
            }
        });
    }

    /// <summary>The assignments as a <see cref="DataFrame"/>: customer_id, segment_id, segment_name, distance.</summary>
    public DataFrame ToDataFrame() => new(
        new StringDataFrameColumn("customer_id", CustomerIds),
        new Int32DataFrameColumn("segment_id", Enumerable.Range(0, Rows).Select(SegmentId)),
        new StringDataFrameColumn("segment_name", Enumerable.Range(0, Rows).Select(SegmentName)),
        new DoubleDataFrameColumn("distance", Distances));

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
