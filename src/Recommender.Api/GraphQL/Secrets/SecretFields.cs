using GraphQL;
using GraphQL.Types;
using Recommender.Api.Identity;
using Recommender.Secrets;

namespace Recommender.Api.GraphQL.Secrets;

/// <summary>
/// Secrets of an organisation: members read metadata, admins write. Every field checks the caller against the
/// organisation argument before anything is read, and reads under that organisation only.
/// </summary>
public static class SecretFields
{
    private const string Org = "org";

    public static ObjectGraphType AddSecretQueries(this ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SecretGraphType>>>>("secrets")
            .Description("The organisation's secrets by name (metadata only). Needs a token of a member: UNAUTHENTICATED / FORBIDDEN. "
                + "Secret store down or sealed: SECRETS_UNAVAILABLE.")
            .Argument<NonNullGraphType<IdGraphType>>(Org, "Organisation id.")
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string>(Org);
                ctx.RequireMember(organization);
                return await Service(ctx).ListAsync(organization, ctx.CancellationToken).ConfigureAwait(false);
            });
        query.Field<SecretGraphType>("secret")
            .Description("One secret's metadata. Not the organisation's (or no such id): NOT_FOUND. Needs a member's token.")
            .Argument<NonNullGraphType<IdGraphType>>(Org, "Organisation id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Secret id.")
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string>(Org);
                ctx.RequireMember(organization);
                return await Service(ctx).GetAsync(organization, ctx.GetArgument<string>("id"), ctx.CancellationToken).ConfigureAwait(false);
            });
        return query;
    }

    public static ObjectGraphType AddSecretMutations(this ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<SecretGraphType>>("createSecret")
            .Description("Stores a new secret at version 1 (admins). Fields are checked per type (BAD_USER_INPUT with extensions.argument); "
                + "with verify (default) an ALIBABA key pair is first tried with one signed read-only call, and a refusal is "
                + "BAD_USER_INPUT with extensions.vendorCode. Name taken: CONFLICT.")
            .Argument<NonNullGraphType<IdGraphType>>(Org, "Organisation id.")
            .Argument<NonNullGraphType<SecretInputType>>("input", "The secret.")
            .Argument<NonNullGraphType<BooleanGraphType>>("verify", "Try the credentials against the cloud first.", a => a.DefaultValue = true)
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string>(Org);
                var caller = ctx.RequireAdmin(organization);
                var draft = SecretDrafts.FromArgument(ctx.GetArgument<Dictionary<string, object?>>("input"));
                return await Service(ctx).CreateAsync(organization, draft, caller.Subject, ctx.GetArgument<bool>("verify"), ctx.CancellationToken)
                    .ConfigureAwait(false);
            });
        mutation.Field<NonNullGraphType<SecretGraphType>>("updateSecret")
            .Description("Replaces a secret's values and tags (admins) if it is still at `version`, the version you last read; "
                + "otherwise CONFLICT with extensions.currentVersion and nothing changes. The name cannot change.")
            .Argument<NonNullGraphType<IdGraphType>>(Org, "Organisation id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Secret id.")
            .Argument<NonNullGraphType<LongGraphType>>("version", "The version being replaced.")
            .Argument<NonNullGraphType<SecretInputType>>("input", "The secret as it should be.")
            .Argument<NonNullGraphType<BooleanGraphType>>("verify", "Try the credentials against the cloud first.", a => a.DefaultValue = true)
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string>(Org);
                var caller = ctx.RequireAdmin(organization);
                var draft = SecretDrafts.FromArgument(ctx.GetArgument<Dictionary<string, object?>>("input"));
                return await Service(ctx).UpdateAsync(organization, ctx.GetArgument<string>("id"), draft, ctx.GetArgument<long>("version"),
                    caller.Subject, ctx.GetArgument<bool>("verify"), ctx.CancellationToken).ConfigureAwait(false);
            });
        mutation.Field<NonNullGraphType<IdGraphType>>("deleteSecret")
            .Description("Deletes a secret and all its versions (admins); returns its id. Not the organisation's: NOT_FOUND.")
            .Argument<NonNullGraphType<IdGraphType>>(Org, "Organisation id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Secret id.")
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string>(Org);
                ctx.RequireAdmin(organization);
                var id = ctx.GetArgument<string>("id");
                await Service(ctx).DeleteAsync(organization, id, ctx.CancellationToken).ConfigureAwait(false);
                return id;
            });
        return mutation;
    }

    private static SecretService Service(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<SecretService>();
}
