using System.Text.Json;

namespace SegmentLab.Interactive.Tests.Protocol;

/// <summary>
/// The kernel under abuse, through jupyter_client and raw ZeroMQ sockets: loops that only an interrupt or a restart
/// ends, 50 MB of output, malformed and forged messages, a client that disappears mid-request, and what it listens on.
/// </summary>
public sealed partial class KernelProtocolTests
{
    [Theory]
    [InlineData("interrupt_goto")]
    [InlineData("interrupt_lambda")]
    [InlineData("interrupt_parallel")]
    [InlineData("interrupt_async")]
    public void InterruptStopsGotoLambdaParallelAndAsyncLoops(string scenario)
    {
        var s = driver.Scenario(scenario);
        Assert.Equal("error", s.GetProperty("reply").GetProperty("status").GetString());
        Assert.Equal("Interrupted", s.GetProperty("reply").GetProperty("ename").GetString());
        // What the loop did before the interrupt is kept.
        Assert.Equal("true", s.GetProperty("after_text").GetString());
    }

    [Fact]
    public void AnInterruptLeavesTimerAndWorkItemCallbacksRunningAndTheKernelAlive()
    {
        var s = driver.Scenario("interrupt_with_timer");
        Assert.Equal("Interrupted", s.GetProperty("reply").GetProperty("ename").GetString());
        Assert.Equal("true", s.GetProperty("after_text").GetString());
        Assert.Equal("true", s.GetProperty("timer_still_ticking").GetString());
        Assert.True(s.GetProperty("alive").GetBoolean());
        Assert.DoesNotContain("Unhandled exception", driver.KernelStderr);
    }

    [Fact]
    public void FiftyMegabytesOfOutputAreCutToTheCapWithANotice()
    {
        var s = driver.Scenario("big_output");
        Assert.Equal("ok", s.GetProperty("reply").GetProperty("status").GetString());
        Assert.Equal(1_000_000, s.GetProperty("x_chars").GetInt32());
        Assert.False(s.GetProperty("has_the_end").GetBoolean());
        string tail = s.GetProperty("tail").GetString()!;
        Assert.Contains("[output truncated: this cell's stdout is limited to 1,000,000 characters", tail);
        // 50 × 1,000,000 x's and "the end\n" (8 characters) were written; all but the first million are counted.
        Assert.EndsWith("[49,000,008 more characters of stdout were dropped]\n", tail);
        Assert.True(s.GetProperty("stream_chars").GetInt32() < 1_001_000);

        // A 50-million-character value as the cell's result: its text cut the same way.
        Assert.Equal("ok", s.GetProperty("result_reply").GetProperty("status").GetString());
        Assert.True(s.GetProperty("result_chars").GetInt32() < 1_000_100);
        Assert.EndsWith("[truncated: 49,000,000 more characters of 50,000,000]", s.GetProperty("result_tail").GetString());
        Assert.Equal("42", s.GetProperty("after_text").GetString());
    }

    [Fact]
    public void MalformedMessagesAreDroppedAndTheKernelKeepsServing()
    {
        var s = driver.Scenario("malformed");
        foreach (string dropped in new[] { "one_garbage_frame", "no_delimiter", "too_few_frames", "signed_header_not_json", "signed_header_an_array", "signed_without_msg_type", "signed_content_not_utf8", "big_random" })
        {
            Assert.False(s.GetProperty(dropped).GetProperty("replied").GetBoolean(), $"the kernel answered '{dropped}'");
        }

        // Well-formed and signed but without "code": an empty cell, answered like one.
        var missingCode = s.GetProperty("signed_execute_without_code");
        Assert.True(missingCode.GetProperty("replied").GetBoolean());
        Assert.Equal("execute_reply", missingCode.GetProperty("reply").GetProperty("msg_type").GetString());
        Assert.Equal("42", s.GetProperty("after_text").GetString());
        Assert.Contains("dropped a message on shell: no <IDS|MSG> delimiter", driver.KernelStderr);
        Assert.Contains("dropped a message on shell: bad signature", driver.KernelStderr);
    }

    [Fact]
    public void AClientThatDisappearsMidRequestDoesNotDisturbTheOthers()
    {
        var s = driver.Scenario("client_vanishes");
        // The orphaned cell ran (its variable exists) and the remaining client is served.
        Assert.Equal("10", s.GetProperty("after_text").GetString());
        Assert.True(s.GetProperty("alive").GetBoolean());
    }

    [Fact]
    public void TheKernelListensOnlyOnTheConnectionFilesAddress()
    {
        var s = driver.Scenario("listening");
        string ip = s.GetProperty("ip").GetString()!;
        Assert.Equal("127.0.0.1", ip);
        var listening = s.GetProperty("listening").EnumerateArray().Select(l => (Address: l.GetProperty("address").GetString()!, Port: l.GetProperty("port").GetInt32())).ToList();
        Assert.All(listening, l => Assert.Equal(ip, l.Address));
        foreach (var port in s.GetProperty("ports").EnumerateArray().Select(p => p.GetInt32()))
        {
            Assert.Contains(listening, l => l.Port == port);
        }
    }

    [Fact]
    public void ALoopTheInterruptCannotReachEndsWithARestart()
    {
        var s = driver.Scenario("restart_stuck");
        // An expression lambda inside LINQ holds no interrupt check: still running after the interrupt.
        Assert.True(s.GetProperty("stuck").GetBoolean());
        Assert.True(s.GetProperty("new_pid").GetBoolean());
        Assert.Equal("42", s.GetProperty("after_text").GetString());
        // A fresh session: the old variables are gone.
        Assert.Equal("error", s.GetProperty("survivor_reply").GetProperty("status").GetString());
    }
}
