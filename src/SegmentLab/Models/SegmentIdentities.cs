using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Models;

/// <summary>
/// Keeps segment identities stable across refits. The new segments' centres are measured in the previous model's
/// clustering space (the new training customers run through the previous model's transforms and PCA, then averaged
/// per new segment), where a unit is one previous training standard deviation; the Hungarian method pairs new and old
/// segments with the least total distance. A pair within the match distance keeps the old id and name; a new segment
/// without one gets a fresh id (appeared); an old segment without one vanished. Splits and merges come from the
/// migration of customers present in both training sets (<see cref="SegmentSplit"/>, <see cref="SegmentMerge"/>).
/// </summary>
public static class SegmentIdentities
{
    /// <summary>A flow counts towards a split or merge only when it carries at least this share of the smaller side.</summary>
    internal const double MinPart = 0.1;

    /// <summary>Returning customers a segment needs before it can be called split or merged.</summary>
    internal const int MinCustomers = 10;

    /// <summary>Matches a refit's segments to the previous model's.</summary>
    /// <param name="previous">The previous model.</param>
    /// <param name="table">The new training table (must have the previous model's inputs).</param>
    /// <param name="labels">The new segment of each table row, 0..<paramref name="segmentCount"/>−1.</param>
    /// <param name="segmentCount">Number of new segments K.</param>
    /// <param name="matchDistance">Largest centre distance (previous standardized units) at which a pair keeps the old id; default 1.0.</param>
    /// <returns>The lineage: one <see cref="SegmentMatch"/> per new label with its stable id, plus vanished, splits, merges and the migration matrix.</returns>
    /// <exception cref="InputException">The new data lacks one of the previous model's inputs.</exception>
    /// <exception cref="ArgumentException">Labels do not match the table, or the distance is not positive.</exception>
    public static SegmentLineage Match(SegmentModel previous, FeatureTable table, IReadOnlyList<int> labels, int segmentCount, double matchDistance = 1.0)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(table);
        SegmentLabels.Count(labels, table.Rows, segmentCount);
        if (!(matchDistance > 0 && double.IsFinite(matchDistance)))
        {
            throw new ArgumentOutOfRangeException(nameof(matchDistance), matchDistance, $"matchDistance={matchDistance} must be a positive number.");
        }

        int kNew = segmentCount, kOld = previous.K;
        var inOldSpace = previous.Prepare(table);
        var newCentres = Drift.SegmentMeans(inOldSpace, labels, kNew);
        var sizes = SegmentLabels.Sizes(labels, kNew);
        var cost = new double[kNew * kOld];
        for (int i = 0; i < kNew; i++)
        {
            for (int j = 0; j < kOld; j++)
            {
                double ss = 0;
                for (int c = 0; c < newCentres.Columns; c++)
                {
                    double d = (double)newCentres[i, c] - previous.Centroids[j, c];
                    ss += d * d;
                }

                // An empty new segment has no centre: make it the last choice of every old segment.
                cost[(i * kOld) + j] = sizes[i] == 0 ? 1e9 : Math.Sqrt(ss);
            }
        }

        int[] pair = Hungarian.Solve(cost, kNew, kOld);
        int next = previous.NextSegmentId;
        var matches = new SegmentMatch[kNew];
        var keptOld = new HashSet<int>();
        for (int i = 0; i < kNew; i++)
        {
            int j = pair[i];
            double? distance = j >= 0 && sizes[i] > 0 ? cost[(i * kOld) + j] : null;
            var old = j >= 0 ? previous.Segments[j] : null;
            bool kept = distance is { } d && d <= matchDistance;
            if (kept)
            {
                keptOld.Add(j);
            }

            matches[i] = new SegmentMatch
            {
                Label = i,
                Id = kept ? old!.Id : -1,
                Change = kept ? SegmentChange.Kept : SegmentChange.Appeared,
                PreviousId = old?.Id,
                PreviousName = old?.Name,
                Distance = distance,
            };
        }

        // Fresh ids in label order, after every id the previous model ever used.
        for (int i = 0; i < kNew; i++)
        {
            if (matches[i].Id < 0)
            {
                matches[i] = matches[i] with { Id = next++ };
            }
        }

        var newIds = matches.Select(m => m.Id).ToArray();
        var oldIds = previous.Segments.Select(s => s.Id).ToArray();
        var migration = Migrate(previous, table, labels, kNew, oldIds, newIds);
        return new SegmentLineage
        {
            PreviousChecksum = previous.Checksum,
            MatchDistance = matchDistance,
            Segments = matches,
            Vanished = Enumerable.Range(0, kOld).Where(j => !keptOld.Contains(j)).Select(j => oldIds[j]).ToArray(),
            Splits = Splits(migration, previous),
            Merges = Merges(migration),
            Migration = migration,
            PreviousNames = previous.Segments.ToDictionary(s => s.Id, s => s.Name),
            NextSegmentId = next,
        };
    }

    private static MigrationMatrix Migrate(SegmentModel previous, FeatureTable table, IReadOnlyList<int> labels, int kNew, int[] oldIds, int[] newIds)
    {
        var before = new Dictionary<string, int>(previous.BaselineCustomerIds.Count, StringComparer.Ordinal);
        for (int i = 0; i < previous.BaselineCustomerIds.Count; i++)
        {
            before[previous.BaselineCustomerIds[i]] = previous.BaselineLabels[i];
        }

        var counts = new int[oldIds.Length][];
        for (int j = 0; j < counts.Length; j++)
        {
            counts[j] = new int[kNew];
        }

        int returning = 0;
        for (int r = 0; r < table.Rows; r++)
        {
            if (before.TryGetValue(table.CustomerIds[r], out int old))
            {
                counts[old][labels[r]]++;
                returning++;
            }
        }

        return new MigrationMatrix
        {
            PreviousIds = oldIds,
            Ids = newIds,
            Counts = counts,
            Returning = returning,
            PreviousOnly = before.Count - returning,
            NewOnly = table.Rows - returning,
        };
    }

    /// <summary>Old segment o split into S = {n : more than half of n's returning customers come from o, and n gets ≥ 10% of o's}, |S| ≥ 2.</summary>
    private static SegmentSplit[] Splits(MigrationMatrix m, SegmentModel previous)
    {
        var (rowSums, colSums) = Sums(m);
        var splits = new List<SegmentSplit>();
        for (int o = 0; o < m.PreviousIds.Count; o++)
        {
            if (rowSums[o] < MinCustomers)
            {
                continue;
            }

            var parts = Enumerable.Range(0, m.Ids.Count)
                .Where(n => colSums[n] >= MinCustomers && m.Counts[o][n] * 2 > colSums[n] && m.Counts[o][n] >= MinPart * rowSums[o])
                .OrderByDescending(n => m.Counts[o][n]).ThenBy(n => n).ToArray();
            if (parts.Length >= 2)
            {
                splits.Add(new SegmentSplit
                {
                    PreviousId = m.PreviousIds[o],
                    PreviousName = previous.Segments[o].Name,
                    Ids = parts.Select(n => m.Ids[n]).ToArray(),
                    Shares = parts.Select(n => (double)m.Counts[o][n] / rowSums[o]).ToArray(),
                });
            }
        }

        return splits.ToArray();
    }

    /// <summary>New segment n merged from T = {o : more than half of o's returning customers go to n, and o provides ≥ 10% of n's}, |T| ≥ 2.</summary>
    private static SegmentMerge[] Merges(MigrationMatrix m)
    {
        var (rowSums, colSums) = Sums(m);
        var merges = new List<SegmentMerge>();
        for (int n = 0; n < m.Ids.Count; n++)
        {
            if (colSums[n] < MinCustomers)
            {
                continue;
            }

            var parts = Enumerable.Range(0, m.PreviousIds.Count)
                .Where(o => rowSums[o] >= MinCustomers && m.Counts[o][n] * 2 > rowSums[o] && m.Counts[o][n] >= MinPart * colSums[n])
                .OrderByDescending(o => m.Counts[o][n]).ThenBy(o => o).ToArray();
            if (parts.Length >= 2)
            {
                merges.Add(new SegmentMerge
                {
                    Id = m.Ids[n],
                    PreviousIds = parts.Select(o => m.PreviousIds[o]).ToArray(),
                    Shares = parts.Select(o => (double)m.Counts[o][n] / colSums[n]).ToArray(),
                });
            }
        }

        return merges.ToArray();
    }

    private static (int[] Rows, int[] Columns) Sums(MigrationMatrix m)
    {
        var rows = m.Counts.Select(r => r.Sum()).ToArray();
        var cols = Enumerable.Range(0, m.Ids.Count).Select(n => m.Counts.Sum(r => r[n])).ToArray();
        return (rows, cols);
    }
}
