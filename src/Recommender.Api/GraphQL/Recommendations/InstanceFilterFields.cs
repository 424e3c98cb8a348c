using GraphQL.Types;
using Recommender.Api.GraphQL.Catalog;
using D = Recommender.Api.GraphQL.Recommendations.LayoutRequestDescriptions;

namespace Recommender.Api.GraphQL.Recommendations;

/// <summary>The instance-type filters LayoutRequest and ScaleOutRequest share: declared once, so they cannot drift apart.</summary>
internal static class InstanceFilterFields
{
    public static void AddTo<T>(InputObjectGraphType<T> input)
    {
        input.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("zones").Description(D.Zones);
        input.Field<ListGraphType<NonNullGraphType<NetworkPerformanceGraphType>>>("networkPerf").Description(D.NetworkPerf);
        input.Field<ListGraphType<NonNullGraphType<InstanceCategoryGraphType>>>("categories").Description(D.Categories);
        input.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("includes").Description(D.Includes);
        input.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("excludes").Description(D.Excludes);
        input.Field<NonNullGraphType<BooleanGraphType>>("allowBurst").Description(D.AllowBurst).DefaultValue(true);
        input.Field<NonNullGraphType<BooleanGraphType>>("allowOlderGen").Description(D.AllowOlderGen).DefaultValue(false);
        input.Field<ListGraphType<NonNullGraphType<CpuArchitectureGraphType>>>("architectures").Description(D.Architectures);
    }
}
