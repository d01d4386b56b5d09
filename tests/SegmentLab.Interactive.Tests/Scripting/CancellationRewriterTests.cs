using Microsoft.CodeAnalysis.CSharp;
using SegmentLab.Interactive.Scripting;

namespace SegmentLab.Interactive.Tests.Scripting;

public sealed class CancellationRewriterTests
{
    private const string Check = CancellationRewriter.CheckCall;

    private static string Rewrite(string code) => CancellationRewriter.Rewrite(code, ScriptSession.ParseOptions);

    private static int Checks(string code) => (Rewrite(code).Length - code.Length) / Check.Length;

    [Theory]
    [InlineData("while (x) { y(); }", "while (x) { " + Check + " y(); }")]
    [InlineData("while (x) y();", "while (x) {" + Check + " y();}")]
    [InlineData("for (;;) ;", "for (;;) {" + Check + " ;}")]
    [InlineData("do { } while (x);", "do { " + Check + " } while (x);")]
    [InlineData("foreach (var i in xs) { }", "foreach (var i in xs) { " + Check + " }")]
    [InlineData("foreach (var (a, b) in xs) { }", "foreach (var (a, b) in xs) { " + Check + " }")]
    public void EveryLoopBodyStartsWithTheCheck(string code, string expected) => Assert.Equal(expected, Rewrite(code));

    [Theory]
    [InlineData("void F() { G(); }", 1)]
    [InlineData("int F() => 1;", 0)]
    [InlineData("class C { C() { } int P { get { return 1; } } void M() { } }", 3)]
    [InlineData("void Outer() { void Inner() { } Inner(); }", 2)]
    [InlineData("var f = () => { return 1; };", 1)]
    [InlineData("Func<int, int> f = x => { return x; };", 1)]
    [InlineData("Action a = delegate { };", 1)]
    [InlineData("Func<int, int> f = x => x + 1;", 0)]
    [InlineData("top: n++; goto top;", 1)]
    [InlineData("switch (n) { case 1: goto case 2; case 2: goto default; default: break; }", 2)]
    [InlineData("void F() { for (;;) { while (true) { } } }", 3)]
    [InlineData("int x = 1;\nConsole.WriteLine(x);", 0)]
    public void MethodLambdaBodiesAndGotosAreGuardedAndNothingElse(string code, int checks) => Assert.Equal(checks, Checks(code));

    [Theory]
    [InlineData("top: n++; if (n < 3) goto top;", "top: n++; if (n < 3) {" + Check + " goto top;}")]
    [InlineData("xs.Count(x => { return true; });", "xs.Count(x => { " + Check + " return true; });")]
    public void GotosAndLambdaBlocksGetTheCheck(string code, string expected) => Assert.Equal(expected, Rewrite(code));

    [Fact]
    public void LineNumbersAreKept()
    {
        string code = "int n = 0;\nwhile (n < 3)\n    n++;\nvoid F()\n{\n    n--;\n}\nint last = 1;";
        string rewritten = Rewrite(code);
        Assert.Equal(code.Split('\n').Length, rewritten.Split('\n').Length);
        Assert.EndsWith("int last = 1;", rewritten.Split('\n')[^1]);
    }

    [Fact]
    public void RewrittenCodeStillParsesCleanly()
    {
        string code = "class C { int _v; public int V { get { while (_v < 0) _v++; return _v; } set => _v = value; } }\n" +
                      "async Task<int> G() { await Task.Yield(); do _ = 1; while (false); return 1; }\n" +
                      "IEnumerable<int> H() { for (int i = 0; ; i++) yield return i; }\n" +
                      "int n = 0; again: n++; if (n < 2) goto again; Func<int, Task<int>> f = async x => { await Task.Yield(); return x; };";
        var tree = CSharpSyntaxTree.ParseText(Rewrite(code), ScriptSession.ParseOptions);
        Assert.Empty(tree.GetDiagnostics());
    }
}
