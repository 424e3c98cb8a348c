using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using Microsoft.Extensions.DependencyInjection;
using Recommender.Api.GraphQL.Cost;

namespace Recommender.Api.Tests.Limits;

[Collection(ApiCollection.Name)]
public sealed class CostAnalyzerTests(ApiFactory api)
{
    private static readonly CostModel Model = new(ListSize: 10, SchemaIntrospection: 5_000, TypeIntrospection: 500);

    private ISchema Schema => api.Services.GetRequiredService<ISchema>();

    [Fact]
    public void A_fragment_bomb_is_measured_exactly_without_being_expanded()
    {
        // F0 selects 2 fields, each level doubles: F40 is 2^41 fields; expanding it would take days.
        var cost = Single(Attacks.FragmentBomb(40));

        Assert.Equal(1 + Math.Pow(2, 41), cost.Fields);
        Assert.Equal(1 + (10 * Math.Pow(2, 41)), cost.Complexity);
        Assert.Equal(2, cost.Depth);
    }

    [Fact]
    public void Every_fragment_definition_counts_towards_what_validation_walks()
    {
        var document = Measure("{ providers { ...A } } fragment A on Provider { id name ...B } fragment B on Provider { id }");

        // Operation: providers + A(2 + B(1)) = 4; definitions: A = 3, B = 1.
        Assert.Equal(8, document.ValidatedFields);
    }

    [Fact]
    public void A_page_size_multiplies_what_the_connection_selects_once()
    {
        var literal = Single("{ instanceTypes(provider: \"alibaba\", region: \"cn-test\", first: 50) { totalCount nodes { name vcpu } } }");
        var variable = Single(
            "query($n: Int) { instanceTypes(provider: \"alibaba\", region: \"cn-test\", first: $n) { totalCount nodes { name vcpu } } }",
            new Inputs(new Dictionary<string, object?> { ["n"] = 7 }));

        // instanceTypes 1 + 50 × (totalCount 1 + nodes 1 + 2 fields); the nodes list is the page, not another ×10.
        Assert.Equal(1 + (50 * 4), literal.Complexity);
        Assert.Equal(1 + (7 * 4), variable.Complexity);
    }

    [Fact]
    public void A_list_without_a_page_size_counts_its_estimated_length()
    {
        var cost = Single("{ providers { id regions { id } } }");

        // providers 1 + 10 × (id 1 + regions 1 + 10 × id 1)
        Assert.Equal(1 + (10 * 12), cost.Complexity);
        Assert.Equal(3, cost.Depth);
    }

    [Fact]
    public void Introspection_costs_a_fixed_price_per_schema_or_type_field()
    {
        var schema = Single("{ __schema { types { name fields { name args { name } } } } }");
        var type = Single("{ __type(name: \"Provider\") { name fields { name } } }");

        Assert.Equal(5_000, schema.Complexity);
        Assert.Equal(500, type.Complexity);
        Assert.Equal(7, schema.Fields);
    }

    [Fact]
    public void Solves_count_every_alias_and_every_spread()
    {
        var cost = Single("query($i: LayoutRequest!) { a: recommendLayout(input: $i) { id } ...S ...S } "
            + "fragment S on Query { b: recommendLayout(input: $i) { id } }");

        Assert.Equal(3, cost.Solves);
    }

    [Fact]
    public void A_fragment_cycle_measures_as_empty_and_is_left_to_validation()
    {
        var cost = Single("{ providers { ...A } } fragment A on Provider { id ...B } fragment B on Provider { ...A }");

        Assert.Equal(2, cost.Fields);
    }

    private OperationCost Single(string query, Inputs? variables = null) => Assert.Single(Measure(query, variables).Operations).Cost;

    private DocumentCost Measure(string query, Inputs? variables = null) =>
        CostAnalyzer.Measure(Schema, Parser.Parse(query), variables, Model);
}
