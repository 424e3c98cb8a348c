namespace Recommender.Api.Tests.Limits;

/// <summary>The hostile documents of the hardening issue, built as they were sent.</summary>
internal static class Attacks
{
    /// <summary><c>query { providers { ...F{levels} } }</c> where each fragment spreads the one below twice.</summary>
    public static string FragmentBomb(int levels)
    {
        var fragments = string.Join(' ', Enumerable.Range(1, levels).Select(i => $"fragment F{i} on Provider {{ ...F{i - 1} ...F{i - 1} }}"));
        return $"query {{ providers {{ ...F{levels} }} }} fragment F0 on Provider {{ id name }} {fragments}";
    }

    public static string RepeatedField(int times) => "{ providers { " + string.Join(' ', Enumerable.Repeat("id", times)) + " } }";

    public static string RepeatedTypename(int times) => "{ " + string.Join(' ', Enumerable.Repeat("__typename", times)) + " }";

    public static string AliasedIntrospection(int times) =>
        "{ " + string.Join(' ', Enumerable.Range(0, times).Select(i => $"s{i}: __schema {{ types {{ name fields {{ name }} }} }}")) + " }";

    public static string AliasedRecommendations(int times) =>
        "query($i: LayoutRequest!) { " + string.Join(' ', Enumerable.Range(0, times).Select(i => $"r{i}: recommendLayout(input: $i) {{ id status }}")) + " }";

    /// <summary>A selection <paramref name="levels"/> fields deep, through the introspection types that nest.</summary>
    public static string Deep(int levels) =>
        "{ __schema { types { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", levels - 4)) + "{ name }"
        + new string('}', levels - 4) + " } } } }";
}
