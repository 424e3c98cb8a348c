using System.Text;

namespace Recommender.Benchmarks.Attacks;

/// <summary>One field repeated many times inside a selection, e.g. <c>{ providers { id id … } }</c>: field merging is quadratic.</summary>
internal sealed class RepeatedFieldAttack(string name, string prefix, string repeated, int count, string suffix) : PostAttack
{
    public override string Name => name;

    public override string Description => $"{prefix}{repeated} {repeated} … ×{count} {suffix}";

    protected override byte[] BuildBody()
    {
        var query = new StringBuilder(prefix, prefix.Length + ((repeated.Length + 1) * count) + suffix.Length);
        for (var i = 0; i < count; i++)
        {
            query.Append(repeated).Append(' ');
        }

        return GraphQLBody.Of(query.Append(suffix).ToString());
    }
}
