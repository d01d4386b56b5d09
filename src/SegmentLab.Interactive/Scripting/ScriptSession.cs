using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using SegmentLab.Interactive.Hosting;

namespace SegmentLab.Interactive.Scripting;

/// <summary>
/// The C# state of one notebook: each cell is a Roslyn script submission continuing the previous one, so variables,
/// methods and types carry over — also past a cell that threw (what it assigned before throwing is kept). Cells run on
/// the calling thread, one at a time; <see cref="Interrupt"/> may be called from any thread.
/// </summary>
internal sealed partial class ScriptSession
{
    /// <summary>How cells are parsed: script kind, latest language version.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(1);

    private readonly FormatterRegistry _formatters;
    private readonly KernelGlobals _globals;
    private readonly NuGetResolver _nuget;
    private readonly Task<ScriptState<object>> _initial;
    private readonly object _runGate = new();
    private readonly HashSet<string> _packageAssemblies = new(StringComparer.OrdinalIgnoreCase);
    private ScriptOptions _options;
    private ScriptState<object>? _state;
    private IDisplaySink _sink = DiscardSink.Instance;
    private Thread? _cellThread;
    private long _runId;
    private bool _running;
    private bool _interruptRequested;

    /// <param name="formatters">How results and displayed values are rendered.</param>
    /// <param name="baseDirectory">Where relative <c>#r "x.dll"</c> paths resolve (the notebook's folder).</param>
    /// <param name="nuget">The <c>#r "nuget: …"</c> resolver (default: restores under the temp folder).</param>
    public ScriptSession(FormatterRegistry formatters, string baseDirectory, NuGetResolver? nuget = null)
    {
        _formatters = formatters;
        _nuget = nuget ?? new NuGetResolver();
        _globals = new KernelGlobals(formatters, () => Volatile.Read(ref _sink));
        _options = ScriptReferences.AddTo(ScriptOptions.Default)
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithAllowUnsafe(true)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(baseDirectory));
        // Compile the empty first submission and warm the compiler in the background: the first cell then starts in
        // well under a second instead of several.
        _initial = Task.Run(WarmUp);
        Completion = new CompletionEngine(() => (_state ?? _initial.GetAwaiter().GetResult()).Script.GetCompilation());
    }

    /// <summary>Completion and inspection over the cells run so far.</summary>
    public CompletionEngine Completion { get; }

    /// <summary>True while a cell runs.</summary>
    public bool Busy
    {
        get
        {
            lock (_runGate)
            {
                return _running;
            }
        }
    }

    /// <summary>Loads the completion services now (after the compiler warm-up), so the first Tab press is quick; failures are logged.</summary>
    public void WarmUpCompletion(TextWriter log)
    {
        try
        {
            WaitReady();
            Completion.WarmUp();
        }
        catch (Exception e)
        {
            log.WriteLine($"[segmentlab-kernel] completion warm-up failed: {e.Message}");
        }
    }

    /// <summary>Waits until the session is ready to run a cell (the warm-up finished).</summary>
    public void WaitReady() => _initial.GetAwaiter().GetResult();

    /// <summary>
    /// Runs one cell. <paramref name="output"/> receives the kernel's own notes (<c>#!time</c>, packages installed);
    /// displayed values go to <paramref name="sink"/>. Never throws for the cell's faults: they come back as an error outcome.
    /// </summary>
    public CellOutcome Execute(string cell, int executionCount, IDisplaySink sink, TextWriter output)
    {
        var directives = CellDirectives.Parse(cell);
        if (directives.Error is { } problem)
        {
            return ErrorReport.Message(directives.ErrorName, problem);
        }

        long started = Stopwatch.GetTimestamp();
        var source = KernelInterrupt.Begin();
        lock (_runGate)
        {
            _running = true;
            _interruptRequested = false;
            _runId++;
            _cellThread = Thread.CurrentThread;
        }

        Volatile.Write(ref _sink, sink);
        CellOutcome outcome;
        try
        {
            outcome = Run(directives, executionCount, output, source.Token);
        }
        catch (ThreadInterruptedException)
        {
            outcome = ErrorReport.Interrupted();
        }
        catch (OperationCanceledException) when (source.IsCancellationRequested)
        {
            outcome = ErrorReport.Interrupted();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The kernel's own failure (a reference that will not load, a broken warm-up): still an answer for the cell.
            outcome = ErrorReport.Exception(e);
        }
        finally
        {
            EndRun(source);
        }

        if (directives.Time)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wall time: {Duration(Stopwatch.GetElapsedTime(started))}"));
        }

        return outcome;
    }

    /// <summary>
    /// Interrupts the running cell: its token is cancelled and the loop checks throw; if it is still running after a
    /// second (blocked in Sleep, a wait or an await), its thread is interrupted too. False when no cell runs.
    /// </summary>
    public bool Interrupt()
    {
        long runId;
        lock (_runGate)
        {
            if (!_running)
            {
                return false;
            }

            _interruptRequested = true;
            runId = _runId;
        }

        KernelInterrupt.Request();
        _ = Task.Delay(InterruptGrace).ContinueWith(_ =>
        {
            lock (_runGate)
            {
                if (_running && _runId == runId)
                {
                    _cellThread?.Interrupt();
                }
            }
        }, TaskScheduler.Default);
        return true;
    }

    private CellOutcome Run(CellDirectives directives, int executionCount, TextWriter output, CancellationToken cancellation)
    {
        var state = _state ?? _initial.GetAwaiter().GetResult();
        if (directives.Packages.Count > 0)
        {
            try
            {
                AddPackages(directives.Packages, output, cancellation);
            }
            catch (NuGetRestoreException e)
            {
                return ErrorReport.Message("NuGetRestoreError", e.Message);
            }
        }

        if (string.IsNullOrWhiteSpace(directives.Code))
        {
            return CellOutcome.Success();
        }

        var tree = CSharpSyntaxTree.ParseText(directives.Code, ParseOptions, cancellationToken: cancellation);
        var options = _options.WithFilePath(ErrorReport.CellFile(executionCount));
        var script = state.Script.ContinueWith(CancellationRewriter.Rewrite(tree).ToString(), options);
        var errors = script.Compile(cancellation).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            // Report positions in the cell as typed: the inserted interrupt checks shift columns.
            var original = state.Script.ContinueWith(directives.Code, options).Compile(cancellation).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            return ErrorReport.Compilation(original.Count > 0 ? original : errors);
        }

        bool showResult = HasValuedTrailingExpression(script.GetCompilation(), cancellation);
        Completion.AddSubmission(directives.Code);

        var next = script.RunFromAsync(state, static _ => true, cancellation).GetAwaiter().GetResult();
        _state = next;
        if (next.Exception is { } exception)
        {
            bool interrupted;
            lock (_runGate)
            {
                interrupted = _interruptRequested;
            }

            return interrupted && IsInterruption(exception) ? ErrorReport.Interrupted() : ErrorReport.Exception(exception);
        }

        return CellOutcome.Success(showResult ? _formatters.Format(next.ReturnValue) : null);
    }

    /// <summary>The interrupt's own exceptions, also as they come out of <c>Parallel.For</c> or <c>Task.WaitAll</c> (aggregated).</summary>
    private static bool IsInterruption(Exception e) => e switch
    {
        OperationCanceledException or ThreadInterruptedException => true,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsInterruption),
        _ => false,
    };

    /// <summary>True when the cell ends in an expression without a semicolon whose type is not void: its value is the cell's result.</summary>
    private static bool HasValuedTrailingExpression(Compilation compilation, CancellationToken cancellation)
    {
        var tree = compilation.SyntaxTrees.Single();
        if (tree.GetRoot(cancellation) is not CompilationUnitSyntax unit
            || unit.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement })
        {
            return false;
        }

        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression, cancellation).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private void EndRun(CancellationTokenSource source)
    {
        // The sink stays: a display from work the cell left running still lands under that cell.
        KernelInterrupt.End(source);
        while (true)
        {
            try
            {
                lock (_runGate)
                {
                    _running = false;
                    _cellThread = null;
                }

                // Consume an interrupt that arrived after the cell stopped blocking, so it cannot hit the kernel's next wait.
                Thread.Sleep(0);
                break;
            }
            catch (ThreadInterruptedException)
            {
                // Consumed; loop to make sure the state is cleared.
            }
        }

        source.Dispose();
    }

    private static string Duration(TimeSpan t) => t.TotalSeconds >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:F2} s")
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:F1} ms");

    private async Task<ScriptState<object>> WarmUp()
    {
        var state = await CSharpScript.RunAsync("", _options.WithFilePath("cell[0]"), _globals).ConfigureAwait(false);
        // Bind something typical once so the compiler's and binder's code is jitted before the first real cell.
        _ = state.Script.ContinueWith("var __warm = Enumerable.Range(0, 3).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();", _options).Compile();
        return state;
    }

    private sealed class DiscardSink : IDisplaySink
    {
        public static readonly DiscardSink Instance = new();

        public void Publish(MimeBundle bundle, string displayId, bool update)
        {
        }
    }
}
