using System.Globalization;
using SegmentLab.Features;
using SegmentLab.Models;
using SegmentLab.Profiling;
using SegmentLab.Validation;

namespace SegmentLab.Pipeline;

/// <summary>
/// Profiles the segments and settles their names: the analyst's <c>profiling.names</c> (keyed by stable id) first,
/// then a kept segment's previous name, then the generated name; names stay unique.
/// </summary>
internal static class SegmentNaming
{
    public static SegmentProfiles Profile(FeatureTable table, IReadOnlyList<int> labels, SegmentValidationResult validation,
        ProfilingSettings settings, IReadOnlyList<int> ids, SegmentLineage? lineage, List<string> notes)
    {
        // The config names segments by stable id; the profiler by label.
        var byLabel = new Dictionary<string, string>();
        foreach (var (key, name) in settings.Names)
        {
            int id = int.Parse(key, NumberStyles.None, CultureInfo.InvariantCulture);
            int label = IndexOf(ids, id);
            if (label < 0)
            {
                notes.Add($"profiling.names names segment {id}, which this model does not have (ids: {string.Join(", ", ids)}); ignored.");
                continue;
            }

            byLabel[label.ToString(CultureInfo.InvariantCulture)] = name;
        }

        var profiles = SegmentProfiler.Build(table, labels, validation.Report, settings with { Names = byLabel }, validation.Silhouette);
        if (lineage is null)
        {
            return profiles;
        }

        var names = profiles.Names.ToArray();
        var fixedLabels = new HashSet<int>(byLabel.Keys.Select(k => int.Parse(k, CultureInfo.InvariantCulture)));
        foreach (var m in lineage.Segments)
        {
            if (m.Change == SegmentChange.Kept && m.PreviousName is { } previous && !fixedLabels.Contains(m.Label))
            {
                names[m.Label] = previous;
                fixedLabels.Add(m.Label);
            }
        }

        // A generated name may equal a kept segment's previous name: the generated one gives way.
        for (int i = 0; i < names.Length; i++)
        {
            if (!fixedLabels.Contains(i) && names.Where((n, j) => j != i && string.Equals(n, names[i], StringComparison.OrdinalIgnoreCase)).Any())
            {
                names[i] = $"{names[i]} ({ids[i]})";
            }
        }

        var changes = Enumerable.Range(0, names.Length).Where(i => names[i] != profiles.Names[i]).ToDictionary(i => i, i => names[i]);
        return changes.Count == 0 ? profiles : profiles.WithNames(changes);
    }

    private static int IndexOf(IReadOnlyList<int> ids, int id)
    {
        for (int i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id)
            {
                return i;
            }
        }

        return -1;
    }
}
