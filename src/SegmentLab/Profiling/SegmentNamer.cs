using static SegmentLab.Profiling.TraitReader;

namespace SegmentLab.Profiling;

/// <summary>
/// Turns a segment's traits into a short marketing name with a fixed decision list (first match wins): bulk buyers,
/// lapsed, new, engaged browsers, returns-heavy, discount hunters, loyal, then value / recency combinations. Names that collide within
/// a model are told apart by each segment's most distinctive trait the others lack, then by the feature on which the
/// colliding segments differ most ("higher spend" / "lower spend") — never by a number.
/// </summary>
internal static class SegmentNamer
{
    /// <summary>Standardized differences closer than this are the same evidence when telling colliding names apart.</summary>
    private const double SameEvidence = 0.5;

    /// <summary>The base name and the trait keys it already expresses.</summary>
    public static (string Name, string[] Used) BaseName(TraitReader t)
    {
        var recency = t.Recency;
        var frequency = t.Frequency;
        var value = t.Value;
        if (t.IsBulk)
        {
            string noun = t.IsBusinessLike ? "bulk business buyers" : "bulk buyers";
            return recency == RecencyState.Lapsed ? ($"Lapsed {noun}", ["lapsed", "bulk baskets"]) : (Cap(noun), ["bulk baskets"]);
        }

        if (recency == RecencyState.Lapsed)
        {
            return value == Tier.High ? ("Lapsed high-value customers", ["lapsed", "high-value"])
                : frequency == Tier.High ? ("Lapsed regulars", ["lapsed", "frequent"])
                : frequency == Tier.OneTime ? ("Lapsed one-time buyers", ["lapsed", "one-time"])
                : value == Tier.Low ? ("Lapsed low-value customers", ["lapsed", "low-value"])
                : frequency == Tier.Low ? ("Lapsed occasional buyers", ["lapsed", "infrequent"])
                : ("Lapsed customers", ["lapsed"]);
        }

        if (t.IsNew)
        {
            return frequency == Tier.OneTime ? ("New one-time buyers", ["new", "one-time"]) : ("New customers", ["new"]);
        }

        if (t.IsBrowser && value != Tier.High && frequency != Tier.High)
        {
            return ("Engaged browsers", ["web-active", "deep in the content funnel"]);
        }

        if (t.IsReturnsHeavy)
        {
            return value == Tier.High ? ("Returns-heavy high spenders", ["returns-heavy", "high-value"]) : ("Returns-heavy customers", ["returns-heavy"]);
        }

        if (t.IsDiscount)
        {
            // Below-median prices on big baskets are volume pricing (wholesale), not bargain hunting.
            return t.Row("avg_basket_items") is { } b && High(b, 250, 0.5)
                ? ("Volume-discount buyers", ["discount-driven", "bulk baskets"])
                : ("Discount hunters", ["discount-driven"]);
        }

        if (frequency == Tier.High && recency is not RecencyState.Cooling)
        {
            return value == Tier.High ? ("Loyal high-value customers", ["frequent", "high-value"]) : ("Loyal regulars", ["frequent"]);
        }

        string state = recency switch
        {
            RecencyState.Cooling => "Cooling ",
            RecencyState.Active => "Active ",
            _ => "",
        };
        string[] stateKey = recency switch
        {
            RecencyState.Cooling => ["cooling"],
            RecencyState.Active => ["active"],
            _ => [],
        };
        return value == Tier.High ? (Cap(state + "high-value customers"), [.. stateKey, "high-value"])
            : frequency == Tier.High ? (Cap(state + "frequent buyers"), [.. stateKey, "frequent"])
            : frequency == Tier.OneTime ? (Cap(state + "one-time buyers"), [.. stateKey, "one-time"])
            : value == Tier.Low ? (Cap(state + "low-value customers"), [.. stateKey, "low-value"])
            : (Cap(state + "mid-value customers"), stateKey);
    }

    /// <summary>
    /// Unique names for all segments: <paramref name="fixedNames"/> (overrides, by id) are kept as they are; generated
    /// names that collide with each other or with an override get a distinguishing suffix. <paramref name="spread"/> gives
    /// a segment's standard deviation of a feature.
    /// </summary>
    public static string[] Unique(IReadOnlyList<(string Name, string[] Used)> bases, IReadOnlyList<IReadOnlyList<Trait>> traits,
        IReadOnlyList<TraitReader> readers, IReadOnlyDictionary<int, string> fixedNames, Func<int, string, double> spread)
    {
        int k = bases.Count;
        var names = new string[k];
        var used = new List<string>[k];
        for (int s = 0; s < k; s++)
        {
            names[s] = fixedNames.TryGetValue(s, out var f) ? f : bases[s].Name;
            used[s] = [.. bases[s].Used];
        }

        // Each pass resolves one level of collisions; bounded because every pass adds a suffix to each colliding
        // generated name, and the last resort (the feature the group differs on most) orders them strictly.
        for (int pass = 0; pass < 8; pass++)
        {
            var groups = Enumerable.Range(0, k).GroupBy(s => names[s], StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1).Select(g => g.ToArray()).ToArray();
            if (groups.Length == 0)
            {
                return names;
            }

            foreach (var group in groups)
            {
                var generated = group.Where(s => !fixedNames.ContainsKey(s)).ToArray();
                if (pass >= 3 || ByTrait(group, generated, names, used, traits, readers) == 0)
                {
                    ByFeature(generated, names, readers, spread);
                }
            }
        }

        return names;
    }

    /// <summary>
    /// Appends to each generated member its strongest unused trait that no other member has, else its strongest that
    /// not every other member has; returns how many names changed (0: the traits cannot tell them apart). A member
    /// counts as having a trait it narrowly missed (its standardized difference on the feature within
    /// <see cref="SameEvidence"/> of the trait holder's), so a threshold falling between two near-equal segments does
    /// not become their name.
    /// </summary>
    private static int ByTrait(int[] group, int[] generated, string[] names, List<string>[] used, IReadOnlyList<IReadOnlyList<Trait>> traits,
        IReadOnlyList<TraitReader> readers)
    {
        var picks = new List<(int Segment, Trait Trait)>();
        foreach (int s in generated)
        {
            var others = group.Where(o => o != s).ToArray();
            bool Has(int o, Trait t) => traits[o].Any(x => x.Key == t.Key)
                || Math.Abs((readers[o].Row(t.Feature)?.StandardizedDifference ?? double.NaN) - (readers[s].Row(t.Feature)?.StandardizedDifference ?? double.NaN)) < SameEvidence;
            var candidates = traits[s].Where(t => !used[s].Contains(t.Key)).ToArray();
            var pick = candidates.FirstOrDefault(t => !others.Any(o => Has(o, t))) ?? candidates.FirstOrDefault(t => !others.All(o => Has(o, t)));
            if (pick is not null)
            {
                picks.Add((s, pick));
            }
        }

        foreach (var (s, t) in picks)
        {
            names[s] = $"{names[s]}, {t.Words}";
            used[s].Add(t.Key);
        }

        return picks.Count;
    }

    /// <summary>Orders the members by the feature they differ on most and labels them higher / lower (/ mid) on it.</summary>
    private static void ByFeature(int[] generated, string[] names, IReadOnlyList<TraitReader> readers, Func<int, string, double> spread)
    {
        if (generated.Length == 0)
        {
            return;
        }

        // The RFM features first (they read best), then any feature every member has.
        string[] preferred = ["monetary", "recency_days", "frequency", "tenure_days", "avg_order_value", "email_open_rate", "web_sessions_per_week"];
        var all = preferred.Concat(readers[generated[0]].Features.Where(f => !preferred.Contains(f)));
        var best = all
            .Select(f => (Feature: f, Rows: generated.Select(s => readers[s].Row(f)).ToArray()))
            .Where(c => c.Rows.All(r => r?.StandardizedDifference is not null))
            .Select(c => (c.Feature, Values: c.Rows.Select(r => r!.StandardizedDifference!.Value).ToArray(), Spread: Spread(c.Rows!, generated.Select(s => spread(s, c.Feature)).ToArray())))
            .OrderByDescending(c => generated.Length == 1 ? Math.Abs(c.Values[0]) : c.Spread)
            .FirstOrDefault();
        if (best.Feature is null)
        {
            // No feature at all to tell them apart (a table without numeric features): order by segment id in words.
            for (int i = 0; i < generated.Length; i++)
            {
                names[generated[i]] = $"{names[generated[i]]} ({Ordinal(i)} of {generated.Length})";
            }

            return;
        }

        string noun = FeatureNoun(best.Feature);
        if (generated.Length == 1)
        {
            // Colliding with an analyst's name only: say how it differs from the population.
            names[generated[0]] = $"{names[generated[0]]}, {(best.Values[0] >= 0 ? "higher" : "lower")} {noun}";
            return;
        }

        var order = generated.Select((s, i) => (s, v: best.Values[i])).OrderByDescending(p => p.v).ThenBy(p => p.s).ToArray();
        for (int i = 0; i < order.Length; i++)
        {
            string rank = i == 0 ? "higher" : i == order.Length - 1 ? "lower" : order.Length == 3 ? "mid" : $"{Ordinal(i)}-highest";
            names[order[i].s] = $"{names[order[i].s]}, {rank} {noun}";
        }
    }

    /// <summary>
    /// How far apart the members' means are, in within-segment standard deviations (their pooled sd): the effect size
    /// between the near-twins themselves, so neither a skewed feature's wide population spread nor a small-valued noisy
    /// feature decides the name.
    /// </summary>
    private static double Spread(Validation.FeatureIndexRow?[] rows, double[] sds)
    {
        double pooled = Math.Sqrt(sds.Select(x => x * x).Average());
        double range = rows.Max(r => r!.SegmentMean) - rows.Min(r => r!.SegmentMean);
        return pooled > 0 ? range / pooled : range > 0 ? double.PositiveInfinity : 0;
    }

    private static string FeatureNoun(string feature) => feature switch
    {
        "monetary" => "spend",
        "recency_days" => "days since last order",
        "frequency" => "order count",
        "tenure_days" => "tenure",
        "avg_order_value" => "order value",
        "email_open_rate" => "email opens",
        "web_sessions_per_week" => "web visits",
        _ => feature.Replace('_', ' '),
    };

    private static string Ordinal(int i) => (i + 1) switch { 1 => "first", 2 => "second", 3 => "third", 4 => "fourth", var n => $"{n}th" };

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
