using System.Collections.Concurrent;

namespace Recommender.Emulators.Alibaba;

/// <summary>
/// Faults injected into one API action. "Next" counters fire on the next N calls, rates on a seeded random share of
/// calls; every property can be changed while the emulator runs.
/// </summary>
public sealed class ActionFaults
{
    /// <summary>The type named by <see cref="UnknownInstanceType"/>; DescribeInstanceTypes never lists it.</summary>
    public const string PhantomType = "ecs.phantom9.large";

    private int throttleNext;
    private int serverErrorNext;
    private int malformedNext;
    private int echoRequestNext;
    private int taskFailNext;
    private readonly ConcurrentQueue<AcsError> failures = new();

    /// <summary>Answer the next N calls HTTP 400 <c>Throttling.User</c> with an <c>x-ratelimit-user</c> TimeLeft.</summary>
    public int ThrottleNext { get => throttleNext; set => throttleNext = value; }

    /// <summary>Share of calls (0..1) answered with <c>Throttling.User</c>.</summary>
    public double ThrottleRate { get; set; }

    /// <summary>TimeLeft in the throttling header; null sends no x-ratelimit header at all.</summary>
    public int? ThrottleTimeLeftMs { get; set; } = 1000;

    /// <summary>Answer the next N calls with <see cref="ServerErrorStatus"/>.</summary>
    public int ServerErrorNext { get => serverErrorNext; set => serverErrorNext = value; }

    public double ServerErrorRate { get; set; }

    /// <summary>500 (<c>InternalError</c>) or 503 (<c>ServiceUnavailable</c>).</summary>
    public int ServerErrorStatus { get; set; } = 503;

    /// <summary>Answer the next N calls 200 with a broken body (see <see cref="Malformed"/>).</summary>
    public int MalformedNext { get => malformedNext; set => malformedNext = value; }

    public MalformedBody Malformed { get; set; } = MalformedBody.Truncated;

    public TimeSpan Latency { get; set; }

    /// <summary>
    /// Answer the next N calls HTTP 400 <c>InvalidParameter</c> whose Message and RequestId echo every request header
    /// and query parameter, as a misbehaving proxy or gateway that reflects the request would: the Authorization value
    /// (key id and signature), the security token, every <c>x-acs-*</c> header. A client must pass none of it on.
    /// </summary>
    public int EchoRequestNext { get => echoRequestNext; set => echoRequestNext = value; }

    /// <summary>Share of calls (0..1) answered like <see cref="EchoRequestNext"/>.</summary>
    public double EchoRequestRate { get; set; }

    /// <summary>DescribeInstanceTypes: every page after the first hands out the same NextToken again.</summary>
    public bool PageTokenLoop { get; set; }

    /// <summary>Price/stock answers also name an instance type that DescribeInstanceTypes does not know.</summary>
    public bool UnknownInstanceType { get; set; }

    /// <summary>
    /// CS: the asynchronous task of the next N calls (a create, a scale) ends <c>failed</c> with
    /// <see cref="TaskFailureCode"/>; a failed cluster create leaves the cluster <c>failed</c>, failed nodes never join.
    /// </summary>
    public int TaskFailNext { get => taskFailNext; set => taskFailNext = value; }

    /// <summary>The code of a failed task's <c>error</c>.</summary>
    public string TaskFailureCode { get; set; } = "InternalError";

    /// <summary>
    /// Answers the next <paramref name="times"/> calls with <paramref name="status"/> and <paramref name="code"/> (e.g.
    /// 400 <c>QuotaExceeded.Node</c>, 403 <c>ErrorCheckAcl</c>). On CS paths the body has the CS shape unless the code is
    /// one only the gateway sends (throttling, signature, key, server errors).
    /// </summary>
    public void FailNext(int status, string code, string? message = null, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            failures.Enqueue(new AcsError(status, code, message ?? $"{code} (injected).") { Business = !AcsError.IsGatewayCode(code) });
        }
    }

    internal AcsError? TakeFailure() => failures.TryDequeue(out var failure) ? failure : null;

    internal bool TakeTaskFailure() => Take(ref taskFailNext);

    internal bool TakeThrottle(Random random) => Take(ref throttleNext) || Roll(random, ThrottleRate);

    internal bool TakeServerError(Random random) => Take(ref serverErrorNext) || Roll(random, ServerErrorRate);

    internal bool TakeMalformed() => Take(ref malformedNext);

    internal bool TakeEchoRequest(Random random) => Take(ref echoRequestNext) || Roll(random, EchoRequestRate);

    private static bool Take(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    private static bool Roll(Random random, double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (random)
        {
            return random.NextDouble() < rate;
        }
    }
}
