using GraphQL.Types;
using Recommender.Secrets;

namespace Recommender.Api.GraphQL.Secrets;

/// <summary>A stored secret's metadata. There is deliberately no field for its values: they are write-only.</summary>
public sealed class SecretGraphType : ObjectGraphType<SecretMetadata>
{
    public SecretGraphType()
    {
        Name = "Secret";
        Description = "A stored secret: everything but its values, which are write-only and leave the store only to sign cloud requests.";
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable id: the lower-case hex SHA-256 of the name.");
        Field(s => s.Organization, type: typeof(NonNullGraphType<IdGraphType>)).Description("The organisation that owns it.");
        Field(s => s.Name).Description("Unique within the organisation.");
        Field(s => s.Type, type: typeof(NonNullGraphType<SecretTypeGraphType>)).Description("What it holds.");
        Field(s => s.Tags, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>)).Description("Distinct, sorted.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fields")
            .Description("The value fields this type holds (names only).")
            .Resolve(ctx => SecretSchema.RequiredFields(ctx.Source.Type).Concat(SecretSchema.OptionalFields(ctx.Source.Type)));
        Field(s => s.CreatedAt).Description("When the first version was written.");
        Field(s => s.UpdatedAt).Description("When the current version was written.");
        Field(s => s.Version).Description("Starts at 1, grows by one per update; updateSecret must name the version it replaces.");
        Field(s => s.UpdatedBy).Description("The token subject that wrote the current version.");
    }
}
