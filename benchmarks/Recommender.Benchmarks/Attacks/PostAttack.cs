namespace Recommender.Benchmarks.Attacks;

/// <summary>An attack that is one POST of a fixed JSON body, built once on first use.</summary>
internal abstract class PostAttack : Attack
{
    private byte[]? body;

    public override long RequestBytes => Body.Length;

    protected byte[] Body => body ??= BuildBody();

    public override async Task<AttackResult> RunAsync(AttackTarget target, CancellationToken timeout) =>
        AttackResult.Of(await target.PostAsync(Body, timeout));

    protected abstract byte[] BuildBody();
}
