using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SegmentLab.Interactive.Scripting;

/// <summary>
/// Makes a cell interruptible: inserts <c>KernelInterrupt.ThrowIfRequested()</c> at the top of every loop body
/// (for, foreach, while, do), before every <c>goto</c>, and at the top of every block-bodied method, local function,
/// constructor, accessor, lambda and anonymous method, so a plain <c>while (true) { }</c>, a <c>goto</c> loop, runaway
/// recursion or a library loop calling back into a cell's lambda (<c>xs.Count(x =&gt; { … })</c>) stops at the
/// interrupt. Inserted text carries no line breaks, so line numbers in errors still match the cell.
/// Expression-bodied members and lambdas are left alone — making them blocks would change their meaning (expression
/// trees, inferred return types) — but a loop inside them is still covered.
/// </summary>
internal sealed class CancellationRewriter : CSharpSyntaxRewriter
{
    /// <summary>The inserted call, fully qualified so no using or user name can shadow it.</summary>
    public const string CheckCall = "global::SegmentLab.Interactive.KernelInterrupt.ThrowIfRequested();";

    private static readonly StatementSyntax Check = SyntaxFactory.ParseStatement(CheckCall).WithTrailingTrivia(SyntaxFactory.Space);

    /// <summary>The rewritten tree (same options and path as <paramref name="tree"/>).</summary>
    public static SyntaxTree Rewrite(SyntaxTree tree)
    {
        var root = new CancellationRewriter().Visit(tree.GetRoot());
        return tree.WithRootAndOptions(root, tree.Options);
    }

    /// <summary>The rewritten source text of a cell.</summary>
    public static string Rewrite(string code, CSharpParseOptions options) =>
        Rewrite(CSharpSyntaxTree.ParseText(code, options)).ToString();

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        return visited.Body is null ? visited : visited.WithBody(Prepend(visited.Body));
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        return visited.Body is null ? visited : visited.WithBody(Prepend(visited.Body));
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
    {
        var visited = (ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!;
        return visited.Body is null ? visited : visited.WithBody(Prepend(visited.Body));
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var visited = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        return visited.Body is null ? visited : visited.WithBody(Prepend(visited.Body));
    }

    public override SyntaxNode? VisitGotoStatement(GotoStatementSyntax node)
    {
        // Every goto loop passes through a goto: checking before each one covers backward jumps and goto case/default.
        var visited = (GotoStatementSyntax)base.VisitGotoStatement(node)!;
        return Guard(visited.WithoutLeadingTrivia().WithoutTrailingTrivia())
            .WithLeadingTrivia(visited.GetLeadingTrivia())
            .WithTrailingTrivia(visited.GetTrailingTrivia());
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var visited = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return visited.Block is null ? visited : visited.WithBlock(Prepend(visited.Block));
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var visited = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        return visited.Block is null ? visited : visited.WithBlock(Prepend(visited.Block));
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return visited.WithBlock(Prepend(visited.Block));
    }

    private static StatementSyntax Guard(StatementSyntax body) => body is BlockSyntax block
        ? Prepend(block)
        : SyntaxFactory.Block(SyntaxFactory.List([Check, body]))
            .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken))
            .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken));

    private static BlockSyntax Prepend(BlockSyntax block) => block.WithStatements(block.Statements.Insert(0, Check));
}
