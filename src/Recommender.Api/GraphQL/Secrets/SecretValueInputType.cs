using GraphQL.Types;

namespace Recommender.Api.GraphQL.Secrets;

public sealed class SecretValueInputType : InputObjectGraphType
{
    public SecretValueInputType()
    {
        Name = "SecretValueInput";
        Description = "One field of a secret's values.";
        Field<NonNullGraphType<StringGraphType>>("field").Description("Field name, e.g. ALIBABA_ACCESS_KEY_ID.");
        Field<NonNullGraphType<StringGraphType>>("value").Description("The value; never shown again.");
    }
}
