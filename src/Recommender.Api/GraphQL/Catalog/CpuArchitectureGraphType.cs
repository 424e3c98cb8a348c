using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class CpuArchitectureGraphType : EnumerationGraphType<CpuArchitecture>
{
    public CpuArchitectureGraphType()
    {
        Name = "CpuArchitecture";
        Description = "CPU instruction set architecture.";
    }
}
