using Microsoft.Extensions.Time.Testing;
using Recommender.Api.Recommendations;

namespace Recommender.Api.Tests.Recommendations;

public sealed class StoreCircuitBreakerTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider time = new();
    private readonly StoreCircuitBreaker breaker;

    public StoreCircuitBreakerTests() => breaker = new StoreCircuitBreaker(time, 3, Delay);

    [Fact]
    public void Opens_after_the_threshold_of_consecutive_failures_only()
    {
        Fail(2);
        Assert.True(breaker.TryEnter());
        breaker.RecordSuccess();
        Fail(2);
        Assert.Equal(CircuitState.Closed, breaker.State);

        Assert.True(breaker.TryEnter());
        Assert.True(breaker.RecordFailure());

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.False(breaker.TryEnter());
        Assert.Equal(1, breaker.ShortCircuited);
        Assert.Equal(1, breaker.Opened);
        Assert.Equal(Delay, breaker.RetryAfter);
    }

    [Fact]
    public void After_the_delay_one_probe_goes_alone_and_its_success_closes()
    {
        Fail(3);
        time.Advance(Delay - TimeSpan.FromMilliseconds(1));
        Assert.False(breaker.TryEnter());
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(breaker.TryEnter());
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.False(breaker.TryEnter());
        Assert.True(breaker.RecordSuccess());

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.True(breaker.TryEnter());
    }

    [Fact]
    public void A_failed_probe_opens_for_another_full_delay()
    {
        Fail(3);
        time.Advance(Delay);
        Assert.True(breaker.TryEnter());

        Assert.False(breaker.RecordFailure());

        Assert.Equal(CircuitState.Open, breaker.State);
        time.Advance(Delay - TimeSpan.FromMilliseconds(1));
        Assert.False(breaker.TryEnter());
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(breaker.TryEnter());
        Assert.Equal(1, breaker.Opened);
    }

    [Fact]
    public void A_late_success_of_a_call_started_before_opening_does_not_close_it()
    {
        Fail(3);

        Assert.False(breaker.RecordSuccess());

        Assert.Equal(CircuitState.Open, breaker.State);
    }

    private void Fail(int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.True(breaker.TryEnter());
            breaker.RecordFailure();
        }
    }
}
