using System.Globalization;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Recommender.Api.GraphQL.Cost;

/// <summary>
/// Measures a parsed document before validation or execution, in time linear in its text: each fragment is measured
/// once per context and reused wherever it is spread, so a fragment bomb (<c>F1 { ...F0 ...F0 } … F40</c>) costs 41
/// measurements and reports 2^40 fields instead of expanding them.
/// </summary>
/// <remarks>
/// Pricing: every field costs 1 for each item of the lists around it. A field with a <c>first</c> or <c>last</c>
/// argument (a literal, or a variable's value) multiplies what it selects by that page size, and the list directly
/// under it (a connection's <c>nodes</c> or <c>edges</c>) is the page, not a further multiplier; any other list
/// multiplies by <see cref="CostModel.ListSize"/>. Introspection is priced per <c>__schema</c> / <c>__type</c> field as
/// a whole, because its size is the schema's, not a product of list estimates. Unknown fields and fragments cost as
/// if empty: validation reports them afterwards.
/// </remarks>
public sealed class CostAnalyzer
{
    /// <summary>A chain of fragments spreading each other deeper than this is refused (it only serves to recurse).</summary>
    public const int MaxFragmentNesting = 100;

    private readonly ISchema schema;
    private readonly CostModel model;
    private readonly IReadOnlyDictionary<string, object?> variables;
    private readonly Dictionary<string, GraphQLFragmentDefinition> fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, bool Paged, bool Introspective), OperationCost> measured = [];
    private readonly HashSet<(string Name, bool Paged, bool Introspective)> measuring = [];
    private int fragmentNesting;

    private CostAnalyzer(ISchema schema, CostModel model, IReadOnlyDictionary<string, object?>? variables)
    {
        this.schema = schema;
        this.model = model;
        this.variables = variables ?? Inputs.Empty;
    }

    /// <summary>
    /// Costs of every operation of <paramref name="document"/>. Throws <see cref="RequestLimitError"/> when the
    /// document only recurses (fragments nested beyond <see cref="MaxFragmentNesting"/>, or the stack runs short).
    /// </summary>
    public static DocumentCost Measure(ISchema schema, GraphQLDocument document, IReadOnlyDictionary<string, object?>? variables, CostModel model)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(model);
        return new CostAnalyzer(schema, model, variables).MeasureDocument(document);
    }

    private DocumentCost MeasureDocument(GraphQLDocument document)
    {
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }

        try
        {
            var operations = new List<(string?, OperationType, OperationCost)>();
            var validated = 0.0;
            foreach (var definition in document.Definitions)
            {
                if (definition is GraphQLOperationDefinition operation)
                {
                    var root = operation.Operation switch
                    {
                        OperationType.Query => schema.Query,
                        OperationType.Mutation => schema.Mutation,
                        _ => schema.Subscription,
                    };
                    var cost = MeasureSelections(operation.SelectionSet, root, paged: false, introspective: false);
                    operations.Add((operation.Name?.StringValue, operation.Operation, cost));
                    validated += cost.Fields;
                }
                else if (definition is GraphQLFragmentDefinition fragment)
                {
                    validated += MeasureFragment(fragment.FragmentName.Name.StringValue, paged: false, introspective: false).Fields;
                }
            }

            return new DocumentCost(operations, validated);
        }
        catch (InsufficientExecutionStackException)
        {
            throw RequestLimitError.FragmentNesting(MaxFragmentNesting);
        }
    }

    private OperationCost MeasureSelections(GraphQLSelectionSet selections, IGraphType? parent, bool paged, bool introspective)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var total = OperationCost.None;
        foreach (var selection in selections.Selections)
        {
            total = total.Plus(selection switch
            {
                GraphQLField field => MeasureField(field, parent, paged, introspective),
                GraphQLFragmentSpread spread => MeasureFragment(spread.FragmentName.Name.StringValue, paged, introspective),
                GraphQLInlineFragment inline => MeasureSelections(
                    inline.SelectionSet, inline.TypeCondition is { } condition ? NamedType(condition.Type.Name.StringValue) : parent, paged, introspective),
                _ => OperationCost.None,
            });
        }

        return total;
    }

    private OperationCost MeasureField(GraphQLField field, IGraphType? parent, bool paged, bool introspective)
    {
        var name = field.Name.StringValue;
        var definition = name switch
        {
            "__typename" => schema.TypeNameMetaFieldType,
            "__schema" => schema.SchemaMetaFieldType,
            "__type" => schema.TypeMetaFieldType,
            _ => (parent as IComplexGraphType)?.GetField(name),
        };
        var own = introspective ? 0 : name switch
        {
            "__schema" => model.SchemaIntrospection,
            "__type" => model.TypeIntrospection,
            _ => 1,
        };
        var solves = !introspective && definition is not null && CostMetadata.IsSolve(definition) ? 1 : 0;
        // Introspection and __typename depend on the build only; any other root field must say it is catalog data.
        var isVolatile = parent == schema.Query && !name.StartsWith("__", StringComparison.Ordinal)
            && (definition is null || !CostMetadata.IsCatalogDataField(definition));
        if (field.SelectionSet is null)
        {
            return new OperationCost(own, 1, 1, solves, isVolatile);
        }

        var (type, isList) = Unwrap(definition?.ResolvedType);
        var page = PageSize(field);
        double multiplier = page ?? (isList && !paged ? model.ListSize : 1);
        var inner = MeasureSelections(field.SelectionSet, type, page is not null, introspective || name is "__schema" or "__type");
        return new OperationCost(
            own + (multiplier * inner.Complexity), 1 + inner.Fields, 1 + inner.Depth, solves + (multiplier * inner.Solves), isVolatile || inner.Volatile);
    }

    private OperationCost MeasureFragment(string name, bool paged, bool introspective)
    {
        var key = (name, paged, introspective);
        if (measured.TryGetValue(key, out var known))
        {
            return known;
        }

        if (!fragments.TryGetValue(name, out var fragment) || !measuring.Add(key))
        {
            return OperationCost.None; // Unknown fragment or a cycle: validation reports both.
        }

        if (++fragmentNesting > MaxFragmentNesting)
        {
            throw RequestLimitError.FragmentNesting(MaxFragmentNesting);
        }

        var cost = MeasureSelections(fragment.SelectionSet, NamedType(fragment.TypeCondition.Type.Name.StringValue), paged, introspective);
        fragmentNesting--;
        measuring.Remove(key);
        measured[key] = cost;
        return cost;
    }

    private IGraphType? NamedType(string name) => schema.AllTypes[name];

    /// <summary>The page size a field asks for: its <c>first</c> or <c>last</c> argument, literal or variable.</summary>
    private double? PageSize(GraphQLField field)
    {
        if (field.Arguments is not { } arguments)
        {
            return null;
        }

        double? page = null;
        foreach (var argument in arguments.Items)
        {
            var name = argument.Name.StringValue;
            if (name is not ("first" or "last"))
            {
                continue;
            }

            var value = argument.Value switch
            {
                GraphQLIntValue literal when double.TryParse(literal.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
                GraphQLVariable variable when variables.TryGetValue(variable.Name.StringValue, out var v) && v is IConvertible c
                    && double.TryParse(Convert.ToString(c, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
                _ => (double?)null,
            };
            if (value is { } size)
            {
                page = Math.Max(page ?? 0, Math.Max(size, 0));
            }
        }

        return page;
    }

    private static (IGraphType? Named, bool IsList) Unwrap(IGraphType? type)
    {
        var isList = false;
        while (true)
        {
            switch (type)
            {
                case NonNullGraphType nonNull:
                    type = nonNull.ResolvedType;
                    break;
                case ListGraphType list:
                    isList = true;
                    type = list.ResolvedType;
                    break;
                default:
                    return (type, isList);
            }
        }
    }
}
