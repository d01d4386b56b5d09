using SegmentLab.Data;

namespace SegmentLab.Tests.Data;

/// <summary>Folders of killed loads are swept; those of running processes and anything else stay.</summary>
public sealed class StaleWorkFoldersTests
{
    [Fact]
    public void Only_folders_of_processes_that_are_gone_are_deleted()
    {
        using var dir = new TempDir();
        int dead = Enumerable.Range(4_000_000, 10_000).First(pid => !AtomicFile.IsRunning(pid));
        string guid = Guid.NewGuid().ToString("N");
        string deadWork = Make(dir, $"segmentlab-work-{dead}-{guid}", withFile: true);
        string deadSpill = Make(dir, $"segmentlab-{dead}-{guid}", withFile: false);
        string mine = Make(dir, $"segmentlab-work-{Environment.ProcessId}-{guid}", withFile: true);
        string other = Make(dir, $"segmentlab-notes-{dead}", withFile: false);
        string shortGuid = Make(dir, $"segmentlab-work-{dead}-abc", withFile: false);

        Assert.Equal(2, StaleWorkFolders.Sweep(dir.Path));
        Assert.False(Directory.Exists(deadWork));
        Assert.False(Directory.Exists(deadSpill));
        Assert.True(Directory.Exists(mine));
        Assert.True(Directory.Exists(other));
        Assert.True(Directory.Exists(shortGuid));
        Assert.Equal(0, StaleWorkFolders.Sweep(dir.Path));
    }

    [Fact]
    public void A_missing_temp_folder_sweeps_nothing() =>
        Assert.Equal(0, StaleWorkFolders.Sweep(Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}")));

    private static string Make(TempDir dir, string name, bool withFile)
    {
        string path = Path.Combine(dir.Path, name);
        Directory.CreateDirectory(path);
        if (withFile)
        {
            File.WriteAllText(Path.Combine(path, "typed_events.parquet"), "x");
        }

        return path;
    }
}
