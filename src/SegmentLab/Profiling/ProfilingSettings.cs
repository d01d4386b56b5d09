using System.Globalization;
using SegmentLab.Data;

namespace SegmentLab.Profiling;

/// <summary>
/// The <c>profiling</c> section of <c>segmentlab.json</c>: name overrides for segments and how many distinctive
/// features each profile lists. Defaults give generated names and the top 3 features.
/// </summary>
public sealed record ProfilingSettings
{
    /// <summary>
    /// Segment id (as text: <c>"0"</c>, <c>"1"</c>, …) → the name to use instead of the generated one; default empty.
    /// Names must be non-blank and, together with the generated names they sit beside, unique.
    /// </summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    /// <summary>Over- and under-indexed features (and categorical values) listed per profile; default 3, between 1 and 20.</summary>
    public int TopFeatures { get; init; } = 3;

    /// <summary>Checks the section; messages name the key and the value.</summary>
    /// <exception cref="InputException">A setting is out of range, a key is not a segment id, or a name is blank.</exception>
    internal static void Check(ProfilingSettings? settings, string? file)
    {
        if (settings is null)
        {
            throw new InputException("'profiling' is null; it must be an object { … } or left out for the defaults.", file: file);
        }

        if (settings.TopFeatures is < 1 or > 20)
        {
            throw new InputException($"'profiling.topFeatures' is {settings.TopFeatures}; it must be between 1 and 20.", file: file);
        }

        if (settings.Names is null)
        {
            throw new InputException("'profiling.names' is null; it must be an object such as { \"0\": \"Loyal regulars\" } or left out.", file: file);
        }

        foreach (var (key, name) in settings.Names)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new InputException($"'profiling.names' has the key \"{key}\"; keys must be segment ids such as \"0\" or \"3\".", file: file);
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                throw new InputException($"'profiling.names.{key}' is blank; give a name or leave the segment out to keep the generated one.", file: file);
            }
        }

        var duplicate = settings.Names.GroupBy(p => p.Value.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InputException(
                $"'profiling.names' gives the name \"{duplicate.Key}\" to segments {string.Join(" and ", duplicate.Select(p => p.Key))}; names must be unique.",
                file: file);
        }
    }
}
