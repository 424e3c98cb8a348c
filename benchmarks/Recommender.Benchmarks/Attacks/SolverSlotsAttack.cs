using System.Text;
using System.Text.Json.Nodes;

namespace Recommender.Benchmarks.Attacks;

/// <summary>
/// <c>aliases</c> × <c>recommendLayout(input: $i)</c> in one query, each a large solve, while a second client sends small
/// single <c>recommendLayout</c> requests: how many of those find every solver slot taken (SOLVER_BUSY).
/// </summary>
internal sealed class SolverSlotsAttack(int aliases) : PostAttack
{
    private const string Small =
        "{ recommendLayout(input: { region: \"cn-hangzhou\", cpu: 4, memoryGiB: 8 }) { id status } }";

    public override string Name => $"solver-slots-{aliases}";

    public override string Description =>
        $"{aliases} aliases of recommendLayout(input: $i), i = {Variables()["i"]!.ToJsonString()}, plus a second client's small requests";

    public override async Task<AttackResult> RunAsync(AttackTarget target, CancellationToken timeout)
    {
        var side = new SideTraffic(GraphQLBody.Of(Small), maxRequests: 2_000, pause: TimeSpan.FromMilliseconds(50));
        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(timeout);
        var main = target.PostAsync(Body, timeout);
        // Let the big request reach the solver slots first.
        await Task.WhenAny(main, Task.Delay(200, timeout));
        var sideRun = side.RunAsync(target, stopSending.Token, timeout);
        HttpExchange? exchange = null;
        try
        {
            exchange = await main;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // Timed out: recorded below, with the second client's counts.
        }
        finally
        {
            // No new small requests once the big one is answered; the one in flight still gets its answer.
            await stopSending.CancelAsync();
            await sideRun;
        }

        var note = $"{side}; SOLVER_BUSY for the second client: {side.Count("SOLVER_BUSY")}";
        return exchange is null ? AttackResult.Timeout(RequestBytes, note) : AttackResult.Of(exchange, note);
    }

    protected override byte[] BuildBody()
    {
        var query = new StringBuilder("query Slots($i: LayoutRequest!) { ");
        for (var a = 0; a < aliases; a++)
        {
            query.Append(System.Globalization.CultureInfo.InvariantCulture, $"r{a}: recommendLayout(input: $i) {{ id status layouts {{ hourlyPrice }} }} ");
        }

        return GraphQLBody.Of(query.Append('}').ToString(), Variables());
    }

    private static JsonObject Variables() => new()
    {
        ["i"] = new JsonObject
        {
            ["region"] = "cn-hangzhou",
            ["cpu"] = 500,
            ["memoryGiB"] = 1000,
            ["onDemandPct"] = 50,
            ["spotDiversity"] = 3,
        },
    };
}
