using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace SegmentLab.Profiling;

/// <summary>
/// The profiles of every segment of one model, indexed by segment id, with unique names. Immutable: rename with
/// <see cref="WithNames"/>. Made by <see cref="SegmentProfiler.Build"/>.
/// </summary>
public sealed class SegmentProfiles
{
    private readonly SegmentProfile[] _segments;

    internal SegmentProfiles(SegmentProfile[] segments, IReadOnlyList<int> labels, IReadOnlyList<string> features)
    {
        _segments = segments;
        Labels = labels;
        Features = features;
    }

    /// <summary>One profile per segment id 0..K−1 (empty segments included, with size 0).</summary>
    public IReadOnlyList<SegmentProfile> Segments => _segments;

    /// <summary>Number of segments K.</summary>
    public int Count => _segments.Length;

    /// <summary>Customers profiled (all segments).</summary>
    public int Customers => Labels.Count;

    /// <summary>The segment id of every customer profiled, in feature-table row order.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The features profiled, in table order.</summary>
    public IReadOnlyList<string> Features { get; }

    /// <summary>The profile of segment <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not in 0..K−1.</exception>
    public SegmentProfile this[int id] => id >= 0 && id < _segments.Length
        ? _segments[id]
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"segment {id} does not exist; ids are 0..{_segments.Length - 1}.");

    /// <summary>The segment names, index = segment id.</summary>
    public IReadOnlyList<string> Names => _segments.Select(s => s.Name).ToArray();

    /// <summary>
    /// A copy with the given segments renamed (segment id → name); other segments keep their names.
    /// </summary>
    /// <exception cref="ArgumentException">An id is out of range, a name is blank, or the names would not be unique.</exception>
    public SegmentProfiles WithNames(IReadOnlyDictionary<int, string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var copy = (SegmentProfile[])_segments.Clone();
        foreach (var (id, name) in names)
        {
            if (id < 0 || id >= copy.Length)
            {
                throw new ArgumentException($"segment {id} does not exist; ids are 0..{copy.Length - 1}.", nameof(names));
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"the name for segment {id} is blank.", nameof(names));
            }

            copy[id] = copy[id] with { Name = name.Trim(), NameOverridden = true };
        }

        var clash = copy.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new ArgumentException(
                $"segments {string.Join(" and ", clash.Select(s => s.Id))} would all be named \"{clash.Key}\"; names must be unique.", nameof(names));
        }

        return new SegmentProfiles(copy, Labels, Features);
    }

    /// <summary>
    /// One row per segment: segment_id, name, size, share, revenue_share, silhouette, stability, then the index
    /// (100 = population average) of every profiled feature as <c>index_&lt;feature&gt;</c>, then each outcome's lift as
    /// <c>lift_&lt;outcome&gt;</c>, then the description. Missing values are null.
    /// </summary>
    public DataFrame ToDataFrame()
    {
        var columns = new List<DataFrameColumn>
        {
            new Int32DataFrameColumn("segment_id", _segments.Select(s => s.Id)),
            new StringDataFrameColumn("name", _segments.Select(s => s.Name)),
            new Int32DataFrameColumn("size", _segments.Select(s => s.Size)),
            new DoubleDataFrameColumn("share", _segments.Select(s => s.Share)),
            new DoubleDataFrameColumn("revenue_share", _segments.Select(s => double.IsNaN(s.RevenueShare) ? (double?)null : s.RevenueShare)),
            new DoubleDataFrameColumn("silhouette", _segments.Select(s => s.Silhouette)),
            new DoubleDataFrameColumn("stability", _segments.Select(s => s.Stability)),
        };
        foreach (string f in Features)
        {
            columns.Add(new DoubleDataFrameColumn("index_" + f, _segments.Select(s => s[f]?.Index)));
        }

        foreach (string o in _segments.SelectMany(s => s.Outcomes).Select(o => o.Outcome).Distinct())
        {
            columns.Add(new DoubleDataFrameColumn("lift_" + o, _segments.Select(s => s.Outcomes.FirstOrDefault(x => x.Outcome == o)?.Lift)));
        }

        columns.Add(new StringDataFrameColumn("description", _segments.Select(s => s.Description)));
        return new DataFrame(columns);
    }

    /// <summary>A table of id, name, size, share and revenue share, then each profile's description.</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        int width = Math.Max(4, _segments.Select(s => s.Name.Length).DefaultIfEmpty(4).Max());
        var sb = new StringBuilder();
        sb.AppendLine(c, $"{Count} segments of {Customers:N0} customers");
        sb.AppendLine(c, $"{"id",3}  {"name".PadRight(width)}  {"size",9}  {"share",6}  {"revenue",7}");
        foreach (var s in _segments)
        {
            string revenue = double.IsNaN(s.RevenueShare) ? "—" : s.RevenueShare.ToString("P1", c);
            sb.AppendLine(c, $"{s.Id,3}  {s.Name.PadRight(width)}  {s.Size,9:N0}  {s.Share,6:P1}  {revenue,7}");
        }

        foreach (var s in _segments)
        {
            sb.AppendLine().AppendLine(c, $"{s.Id}. {s.Name}: {s.Description}");
        }

        return sb.ToString().TrimEnd();
    }
}
