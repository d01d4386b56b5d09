using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Profiling;

/// <summary>
/// A small deterministic table of four planted personas (50 customers each, ids "P{persona}-{i:D2}") whose evidence
/// the naming rules must read: lapsed one-time buyers, loyal high-value customers, new one-time buyers and discount
/// hunters, with a purchase outcome, holdout revenue and a region attribute; fitted and validated as the pipeline does.
/// </summary>
internal sealed class ProfileTestData
{
    public const int PerPersona = 50;

    public static readonly string[] Inputs = ["recency_days", "frequency", "monetary", "tenure_days", "discount_share"];

    /// <summary>Persona centres: recency, frequency, monetary, tenure, discount share, purchase probability, region.</summary>
    public static readonly (double R, double F, double M, double T, double D, double Buy, string Region)[] Personas =
    [
        (300, 1, 40, 320, 0.10, 0.05, "North"),  // lapsed one-time buyers
        (10, 25, 5000, 700, 0.10, 0.90, "South"), // loyal high-value customers
        (15, 1, 60, 20, 0.10, 0.40, "North"),    // new one-time buyers
        (40, 6, 400, 400, 0.70, 0.60, "East"),   // discount hunters
    ];

    public static readonly string[] ExpectedNames =
        ["Lapsed one-time buyers", "Loyal high-value customers", "New one-time buyers", "Discount hunters"];

    private static readonly Lazy<ProfileTestData> Shared = new(() => new ProfileTestData());

    private ProfileTestData()
    {
        Table = BuildTable(seed: 7);
        Raw = Table.ToMatrix(Inputs);
        Transform = FeatureTransform.Fit(Raw);
        Clustered = Transform.Apply(Raw);
        Model = KMeans.Fit(Clustered, KMeans4);
        Validation = SegmentValidation.Run(new SegmentValidationInput
        {
            Table = Table,
            Clustered = Clustered,
            Model = Model,
            RefitOptions = KMeans4,
            Settings = new ValidationSettings { StabilityReplicates = 10, LiftReplicates = 100, Seed = 3 },
            BaselineDistribution = FeatureDistribution.Capture(Raw),
            BaselineCentroids = Model.Centroids,
            BaselineAssignments = (Table.CustomerIds, Model.Labels),
            BaselineSegmentShares = [0.25, 0.25, 0.25, 0.25],
        });
    }

    /// <summary>The one instance shared by the tests (built once, never mutated).</summary>
    public static ProfileTestData Instance => Shared.Value;

    public static KMeansOptions KMeans4 { get; } = new() { K = 4, NInit = 4, Seed = 1 };

    public FeatureTable Table { get; }

    public FeatureMatrix Raw { get; }

    public FeatureTransform Transform { get; }

    public FeatureMatrix Clustered { get; }

    public KMeansModel Model { get; }

    public SegmentValidationResult Validation { get; }

    /// <summary>The persona each row was planted from.</summary>
    public static int PersonaOf(int row) => row / PerPersona;

    /// <summary>The segment that holds the most customers of <paramref name="persona"/>.</summary>
    public int SegmentOf(int persona) => Enumerable.Range(persona * PerPersona, PerPersona)
        .GroupBy(i => Model.Labels[i]).OrderByDescending(g => g.Count()).First().Key;

    /// <summary>The table: persona p's customers are rows 50p..50p+49.</summary>
    public static FeatureTable BuildTable(int seed)
    {
        var rng = new Random(seed);
        int n = PerPersona * Personas.Length;
        var columns = Inputs.ToDictionary(c => c, _ => new double[n]);
        var bought = new double[n];
        var revenue = new double[n];
        var region = new string?[n];
        for (int i = 0; i < n; i++)
        {
            var p = Personas[PersonaOf(i)];
            double Jitter(double centre) => Math.Max(0, centre * (1 + (0.12 * Gauss(rng))));
            columns["recency_days"][i] = Math.Round(Jitter(p.R));
            columns["frequency"][i] = p.F == 1 ? 1 : Math.Max(1, Math.Round(Jitter(p.F)));
            columns["monetary"][i] = Math.Round(Jitter(p.M), 2);
            columns["tenure_days"][i] = Math.Max(columns["recency_days"][i], Math.Round(Jitter(p.T)));
            columns["discount_share"][i] = Math.Clamp(Math.Round(p.D + (0.05 * Gauss(rng)), 3), 0, 1);
            bought[i] = rng.NextDouble() < p.Buy ? 1 : 0;
            revenue[i] = bought[i] * Math.Round(Jitter(p.M / 4), 2);
            region[i] = rng.NextDouble() < 0.8 ? p.Region : "West";
        }

        var numeric = new Dictionary<string, double[]>(columns) { ["purchased_in_holdout"] = bought, ["holdout_revenue"] = revenue };
        return new FeatureTable(new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 1), "-- planted personas",
            Enumerable.Range(0, n).Select(i => $"P{PersonaOf(i)}-{i % PerPersona:D2}").ToArray(),
            Inputs.Select(k => new FeatureDefinition(k, k, "", FeatureFamily.Behavioural, true)).ToArray(),
            [new FeatureDefinition("purchased_in_holdout", "", "flag", FeatureFamily.Outcome, false),
             new FeatureDefinition("holdout_revenue", "", "currency", FeatureFamily.Outcome, false)],
            [new FeatureDefinition("region", "", "", FeatureFamily.Attribute, false)],
            numeric, new Dictionary<string, string?[]> { ["region"] = region });
    }

    private static double Gauss(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
