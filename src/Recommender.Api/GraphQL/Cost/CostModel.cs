namespace Recommender.Api.GraphQL.Cost;

/// <summary>How fields are priced; see <see cref="CostAnalyzer"/>.</summary>
/// <param name="ListSize">Assumed length of a list without a <c>first</c>/<c>last</c> argument.</param>
/// <param name="SchemaIntrospection">Price of one <c>__schema</c> field, whatever it selects: a full answer is ~30 KB.</param>
/// <param name="TypeIntrospection">Price of one <c>__type</c> field, whatever it selects.</param>
public sealed record CostModel(int ListSize, int SchemaIntrospection, int TypeIntrospection);
