namespace SegmentLab.Cli.Tests;

/// <summary>Where the repository and the shared Online Retail II data are, found from the test assembly's folder.</summary>
internal static class RealData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared/data/online-retail-ii beside the clone (absent on machines without the real data).</summary>
    public static string OnlineRetailCsv =>
        Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "online-retail-ii", "online_retail_II_sheet_2009-2010.csv.gz"));

    public static string OnlineRetailConfig => Path.Combine(RepoRoot, "data", "configs", "online-retail-ii.json");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SegmentLab.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SegmentLab.sln not found above " + AppContext.BaseDirectory);
    }
}
