using System.Text.Json;
using System.Text.RegularExpressions;
using SegmentLab.Interactive.Tests.Protocol;

namespace SegmentLab.Interactive.Tests.Notebooks;

/// <summary>
/// The analyst notebooks in <c>notebooks/</c> as committed: valid nbformat 4.5 (checked by Jupyter's own nbformat
/// validator too), every cell with a unique id, no outputs or execution counts, and the SegmentLab kernelspec. CI
/// executes them (<c>.ci/run</c>); this keeps what is committed clean.
/// </summary>
public sealed partial class CommittedNotebooksTests
{
    private static readonly string[] Files = ["01-explore-segments.ipynb", "02-segment-profile-report.ipynb", "03-revalidate-on-new-data.ipynb"];

    public static TheoryData<string> Names => new(Files);

    [Theory]
    [MemberData(nameof(Names))]
    public void TheNotebookIsNbformat45WithIdsNoOutputsAndTheSegmentLabKernel(string name)
    {
        string path = Path.Combine(NotebooksFolder(), name);
        using var notebook = JsonDocument.Parse(File.ReadAllText(path));
        var root = notebook.RootElement;
        Assert.Equal(4, root.GetProperty("nbformat").GetInt32());
        Assert.Equal(5, root.GetProperty("nbformat_minor").GetInt32());

        var kernelspec = root.GetProperty("metadata").GetProperty("kernelspec");
        Assert.Equal(KernelInfo.SpecName, kernelspec.GetProperty("name").GetString());
        Assert.Equal(KernelInfo.DisplayName, kernelspec.GetProperty("display_name").GetString());
        Assert.Equal("csharp", kernelspec.GetProperty("language").GetString());

        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        Assert.Contains(cells, c => c.GetProperty("cell_type").GetString() == "code");
        var ids = cells.Select(c => c.GetProperty("id").GetString()!).ToList();
        Assert.All(ids, id => Assert.Matches(CellId(), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var cell in cells.Where(c => c.GetProperty("cell_type").GetString() == "code"))
        {
            string id = cell.GetProperty("id").GetString()!;
            Assert.True(cell.GetProperty("outputs").GetArrayLength() == 0, $"cell '{id}' of {name} was committed with outputs.");
            Assert.True(cell.GetProperty("execution_count").ValueKind == JsonValueKind.Null, $"cell '{id}' of {name} was committed with an execution count.");
        }

        // Jupyter's own validator (the nbformat 4.5 JSON schema), as JupyterLab and nbconvert apply it.
        JupyterTools.RequireModules("nbformat");
        var (exitCode, _, stderr) = JupyterTools.Run(JupyterTools.Python,
            ["-c", "import sys, nbformat; nb = nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT); nbformat.validate(nb, version=4); print(nb.nbformat_minor)", path],
            TimeSpan.FromSeconds(60));
        Assert.True(exitCode == 0, $"nbformat rejects {name}:\n{stderr}");
    }

    [Fact]
    public void TheNotebooksFolderHoldsExactlyTheThreeNotebooks()
    {
        var found = Directory.GetFiles(NotebooksFolder(), "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Files, found);
    }

    /// <summary><c>notebooks/</c> of the repository this test was built from.</summary>
    internal static string NotebooksFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SegmentLab.sln")))
            {
                return Path.Combine(dir.FullName, "notebooks");
            }
        }

        throw new InvalidOperationException($"no SegmentLab.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>nbformat 4.5's cell id: 1–64 letters, digits, '-' or '_'.</summary>
    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex CellId();
}
