namespace Recommender.Benchmarks.Attacks;

/// <summary>The attacks of the hardening issue, in the order they run; the slow fragment bombs go last.</summary>
internal static class AttackCatalog
{
    public static IReadOnlyList<Attack> All() =>
    [
        new FragmentBombAttack(26),
        new RepeatedFieldAttack("quadratic-fields", "{ providers { ", "id", 80_000, "} }"),
        new RepeatedFieldAttack("typename-20000", "{ ", "__typename", 20_000, "}"),
        new IntrospectionAttack("introspection-1000", aliases: 1_000, concurrency: 1),
        new IntrospectionAttack("introspection-x6", aliases: 1_000, concurrency: 6),
        new SolverSlotsAttack(500),
        new DeepSelectionAttack(62),
        new RawBodyAttack("subscription", """{"query":"subscription { x }"}"""),
        new ShortBodyAttack("short-body", endEarly: false),
        new ShortBodyAttack("short-body-eof", endEarly: true),
        new FragmentBombAttack(30),
        new FragmentBombAttack(40),
    ];
}
