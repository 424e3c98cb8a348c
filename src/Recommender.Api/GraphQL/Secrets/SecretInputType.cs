using GraphQL.Types;

namespace Recommender.Api.GraphQL.Secrets;

public sealed class SecretInputType : InputObjectGraphType
{
    public SecretInputType()
    {
        Name = "SecretInput";
        Description = "A whole secret as written by createSecret and updateSecret (an update restates the values: they cannot be read back).";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Unique within the organisation; cannot change once created.");
        Field<NonNullGraphType<SecretTypeGraphType>>("type").Description("What it holds, which decides the fields of values.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SecretValueInputType>>>>("values").Description("The type's fields; each field once.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags").Description("Free labels; 'recommender:' is reserved.");
    }
}
