namespace SegmentLab.Synthetic;

/// <summary>A fixed catalogue of products per category with list prices in cents, drawn once from the seed.</summary>
internal sealed class ProductCatalog
{
    public const int PerCategory = 30;

    private static readonly double[] CategoryMedianPrice = [18, 14, 12, 22, 28, 60, 11, 4];

    public ProductCatalog(long seed)
    {
        var rng = new Rng((ulong)seed, 0xCA7A1060UL);
        Prices = new long[PersonaProfile.Categories.Length, PerCategory];
        Ids = new string[PersonaProfile.Categories.Length, PerCategory];
        for (int c = 0; c < PersonaProfile.Categories.Length; c++)
        {
            for (int p = 0; p < PerCategory; p++)
            {
                Prices[c, p] = Math.Max(50, (long)Math.Round(rng.LogNormal(CategoryMedianPrice[c], 0.6) * 100));
                Ids[c, p] = $"P{(c * PerCategory) + p + 1:D4}";
            }
        }
    }

    /// <summary>List price in cents of product p of category c.</summary>
    public long[,] Prices { get; }

    /// <summary>Product ids (P0001…).</summary>
    public string[,] Ids { get; }
}
