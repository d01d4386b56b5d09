namespace SegmentLab.Data;

/// <summary>Suggests the closest name for a misspelt column or key ("did you mean …?").</summary>
internal static class ColumnMatcher
{
    /// <summary>The candidate closest to <paramref name="name"/> ignoring case, spaces and underscores, or null if none is close.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string target = Normalize(name);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string c in candidates)
        {
            string n = Normalize(c);
            int d = n == target ? 0 : n.Contains(target, StringComparison.Ordinal) || target.Contains(n, StringComparison.Ordinal) ? 1 : Distance(target, n);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = c;
            }
        }

        // Further than about a third of the name away is a different word, not a typo.
        return best is not null && bestDistance <= Math.Max(2, target.Length / 3) ? best : null;
    }

    private static string Normalize(string s) =>
        new(s.Where(ch => ch is not (' ' or '_' or '-' or '.')).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Levenshtein distance, two rows of memory.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
