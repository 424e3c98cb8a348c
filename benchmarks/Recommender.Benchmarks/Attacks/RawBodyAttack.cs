using System.Text;

namespace Recommender.Benchmarks.Attacks;

/// <summary>A POST of a body given verbatim, e.g. <c>{"query":"subscription { x }"}</c>.</summary>
internal sealed class RawBodyAttack(string name, string body) : PostAttack
{
    public override string Name => name;

    public override string Description => body;

    protected override byte[] BuildBody() => Encoding.UTF8.GetBytes(body);
}
