using SegmentLab.Cli;

namespace SegmentLab.Cli.Tests;

/// <summary>Runs the command line in-process and captures exit code, stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Asserts the run failed as bad input: exit 2, a message, and no stack trace anywhere.</summary>
    public CliRun AssertBadInput(params string[] expectedInMessage)
    {
        Assert.True(ExitCode == 2, $"exit code {ExitCode}, expected 2. stderr: {Err}");
        Assert.DoesNotContain("   at ", Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Out, StringComparison.Ordinal);
        foreach (string s in expectedInMessage)
        {
            Assert.Contains(s, Err, StringComparison.Ordinal);
        }

        return this;
    }
}

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "segmentlab-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        string p = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        System.IO.File.WriteAllText(p, content);
        return p;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
