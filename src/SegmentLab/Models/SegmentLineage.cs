namespace SegmentLab.Models;

/// <summary>
/// How a refit's segments relate to the previous model's (<c>fit --previous</c>): which kept their id and name, which
/// appeared or vanished, which split or merged, and the migration of returning customers. Stored in the new model.
/// </summary>
public sealed record SegmentLineage
{
    /// <summary>Checksum of the previous model file's content.</summary>
    public required string PreviousChecksum { get; init; }

    /// <summary>The match distance used (standardized units of the previous model).</summary>
    public required double MatchDistance { get; init; }

    /// <summary>One entry per new segment, by label.</summary>
    public required IReadOnlyList<SegmentMatch> Segments { get; init; }

    /// <summary>Previous segment ids no new segment kept.</summary>
    public required IReadOnlyList<int> Vanished { get; init; }

    /// <summary>Previous segments that split (see <see cref="SegmentSplit"/> for the rule).</summary>
    public required IReadOnlyList<SegmentSplit> Splits { get; init; }

    /// <summary>New segments that previous segments merged into (see <see cref="SegmentMerge"/> for the rule).</summary>
    public required IReadOnlyList<SegmentMerge> Merges { get; init; }

    /// <summary>Returning customers: previous segment → new segment counts.</summary>
    public required MigrationMatrix Migration { get; init; }

    /// <summary>The id the next new segment gets after this refit: fresh ids continue after every id ever used, so none is reused.</summary>
    public required int NextSegmentId { get; init; }

    /// <summary>Previous segment names by id (for reading <see cref="Vanished"/> and the matrix).</summary>
    public required IReadOnlyDictionary<int, string> PreviousNames { get; init; }

    /// <summary>One line per event, e.g. "kept 2 'Loyal' (distance 0.21)", "appeared 6", "vanished 4 'Lapsed'", "3 'Browsers' split into 3 (61%), 6 (30%)".</summary>
    public IEnumerable<string> Describe()
    {
        foreach (var m in Segments)
        {
            yield return m.Change == SegmentChange.Kept
                ? FormattableString.Invariant($"kept {m.Id} '{m.PreviousName}' (centre moved {m.Distance:0.00})")
                : m.PreviousId is { } p
                ? FormattableString.Invariant($"appeared {m.Id} (nearest previous segment {p} '{m.PreviousName}' is {m.Distance:0.00} away, beyond {MatchDistance:0.##})")
                : $"appeared {m.Id}";
        }

        foreach (int v in Vanished)
        {
            yield return $"vanished {v} '{PreviousNames.GetValueOrDefault(v, "?")}'";
        }

        foreach (var s in Splits)
        {
            yield return $"{s.PreviousId} '{s.PreviousName}' split into {string.Join(", ", s.Ids.Select((id, i) => FormattableString.Invariant($"{id} ({s.Shares[i]:P0})")))}";
        }

        foreach (var m in Merges)
        {
            yield return $"{string.Join(" and ", m.PreviousIds.Select(p => $"{p} '{PreviousNames.GetValueOrDefault(p, "?")}'"))} merged into {m.Id}";
        }
    }
}
