namespace SegmentLab.Interactive.Tests;

/// <summary>
/// Where an interrupt may be thrown: only where a task will catch it. In a timer or work-item callback (or async void)
/// the exception would be unhandled and end the kernel process, so there the check must stay silent.
/// </summary>
public sealed class KernelInterruptTests
{
    [Fact]
    public async Task ATaskDelegateCatchesTheInterrupt() =>
        Assert.True(await Task.Run(KernelInterrupt.ATaskWouldCatch));

    [Fact]
    public void ParallelForBodiesCatchTheInterrupt()
    {
        var seen = new bool[4];
        Parallel.For(0, 4, i => seen[i] = KernelInterrupt.ATaskWouldCatch());
        Assert.All(seen, Assert.True);
    }

    [Fact]
    public async Task AnAsyncContinuationOnThePoolCatchesTheInterrupt()
    {
        static async Task<bool> AfterAwait()
        {
            await Task.Delay(1).ConfigureAwait(false);
            return Thread.CurrentThread.IsThreadPoolThread && KernelInterrupt.ATaskWouldCatch();
        }

        Assert.True(await AfterAwait());
    }

    [Fact]
    public async Task TimerCallbacksDoNot()
    {
        var result = new TaskCompletionSource<bool>();
        using var timer = new Timer(_ => result.TrySetResult(KernelInterrupt.ATaskWouldCatch()), null, 1, Timeout.Infinite);
        Assert.False(await result.Task);
    }

    [Fact]
    public async Task WorkItemsDoNot()
    {
        var result = new TaskCompletionSource<bool>();
        ThreadPool.QueueUserWorkItem(_ => result.TrySetResult(KernelInterrupt.ATaskWouldCatch()));
        Assert.False(await result.Task);
    }

    [Fact]
    public async Task AsyncVoidMethodsDoNot()
    {
        var result = new TaskCompletionSource<bool>();
        async void Fire()
        {
            await Task.Delay(1).ConfigureAwait(false);
            result.TrySetResult(KernelInterrupt.ATaskWouldCatch());
        }

        Fire();
        Assert.False(await result.Task);
    }
}
