using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace Recommender.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class SchemaApprovalTests(ApiFactory api)
{
    [Fact]
    public void Schema_file_matches_the_code()
    {
        var printed = PrintSchema();
        var path = RepositoryPaths.Schema;
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, printed);
        }

        var onDisk = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(
            onDisk == printed,
            "schema/schema.graphql differs from the schema built in code. If the change is intended, regenerate it with "
            + "`UPDATE_SCHEMA=1 dotnet test tests/Recommender.Api.Tests -c Release --filter SchemaApprovalTests` and commit the file.");
    }

    [Fact]
    public void Every_type_and_field_has_a_description()
    {
        var schema = Schema();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !IsBuiltInScalar(t)))
        {
            if (string.IsNullOrWhiteSpace(type.Description))
            {
                missing.Add(type.Name);
            }

            if (type is IComplexGraphType complex)
            {
                missing.AddRange(complex.Fields.Where(f => string.IsNullOrWhiteSpace(f.Description)).Select(f => $"{type.Name}.{f.Name}"));
                missing.AddRange(complex.Fields.SelectMany(f => f.Arguments ?? [])
                    .Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{type.Name}(arg {a.Name})"));
            }
        }

        Assert.Empty(missing);
    }

    /// <summary>The spec's own scalars; every other scalar we expose must say what it carries.</summary>
    private static bool IsBuiltInScalar(IGraphType type) => type is ScalarGraphType && type.Name is "String" or "Int" or "Float" or "Boolean" or "ID";

    private ISchema Schema()
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    }

    private string PrintSchema() =>
        Schema().Print(new PrintOptions { StringComparison = StringComparison.Ordinal, IncludeDescriptions = true }).ReplaceLineEndings("\n")
        + "\n";
}
