using System.Text;

namespace Recommender.Benchmarks.Attacks;

/// <summary>
/// Many aliased <c>__schema { types { name fields { name } } }</c> in one query (introspection costs nothing under the
/// complexity rule); <c>concurrency</c> copies of the request are sent at once.
/// </summary>
internal sealed class IntrospectionAttack(string name, int aliases, int concurrency) : PostAttack
{
    public override string Name => name;

    public override string Description =>
        $"{aliases} aliased __schema {{ types {{ name fields {{ name }} }} }}" + (concurrency > 1 ? $", {concurrency} requests at once" : "");

    public override long RequestBytes => Body.Length * (long)concurrency;

    public override async Task<AttackResult> RunAsync(AttackTarget target, CancellationToken timeout)
    {
        if (concurrency == 1)
        {
            return await base.RunAsync(target, timeout);
        }

        var exchanges = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => target.PostAsync(Body, timeout)));
        var statuses = string.Join(", ", exchanges.GroupBy(e => e.Status).Select(g => $"{g.Key}×{g.Count()}"));
        var first = exchanges[0];
        return AttackResult.Of(first with { RequestBytes = RequestBytes, ResponseBytes = exchanges.Sum(e => e.ResponseBytes) }) with
        {
            Status = statuses,
        };
    }

    protected override byte[] BuildBody()
    {
        var query = new StringBuilder("{ ");
        for (var i = 0; i < aliases; i++)
        {
            query.Append(System.Globalization.CultureInfo.InvariantCulture, $"s{i}: __schema {{ types {{ name fields {{ name }} }} }} ");
        }

        return GraphQLBody.Of(query.Append('}').ToString());
    }
}
