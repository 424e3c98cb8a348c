using GraphQL;

namespace Recommender.Api.Operations;

/// <summary>Enum values as the GraphQL schema spells them (CONSTANT_CASE, e.g. HalfOpen is HALF_OPEN), for every other surface.</summary>
public static class GraphQLEnumNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToConstantCase();
}
