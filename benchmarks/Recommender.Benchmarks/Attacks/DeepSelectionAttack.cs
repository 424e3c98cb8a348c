using System.Text;

namespace Recommender.Benchmarks.Attacks;

/// <summary>
/// A selection <c>levels</c> fields deep. The schema has no self-nesting type of its own, so it nests through
/// introspection: <c>__schema { types { ofType { ofType { … name } } } }</c>.
/// </summary>
internal sealed class DeepSelectionAttack(int levels) : PostAttack
{
    public override string Name => $"deep-{levels}";

    public override string Description => $"__schema {{ types {{ ofType {{ … name }} }} }}, {levels} fields deep";

    protected override byte[] BuildBody()
    {
        // __schema, types, (levels - 3) × ofType, name.
        var nested = levels - 3;
        var query = new StringBuilder("{ __schema { types { ");
        for (var i = 0; i < nested; i++)
        {
            query.Append("ofType { ");
        }

        query.Append("name ");
        query.Insert(query.Length, "} ", nested + 3);
        return GraphQLBody.Of(query.ToString().TrimEnd());
    }
}
