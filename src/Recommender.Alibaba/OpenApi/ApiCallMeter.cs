namespace Recommender.Alibaba.OpenApi;

/// <summary>Counts HTTP requests sent on behalf of one unit of work (a region refresh), retries included.</summary>
public sealed class ApiCallMeter
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public void Increment() => Interlocked.Increment(ref calls);
}
