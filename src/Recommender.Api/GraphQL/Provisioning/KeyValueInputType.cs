using GraphQL.Types;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class KeyValueInputType : InputObjectGraphType
{
    public KeyValueInputType()
    {
        Name = "KeyValueInput";
        Description = "A label or tag.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("Its key; each key once.");
        Field<NonNullGraphType<StringGraphType>>("value").Description("Its value.");
    }
}
