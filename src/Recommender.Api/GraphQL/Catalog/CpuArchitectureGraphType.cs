using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class CpuArchitectureGraphType : EnumerationGraphType<CpuArchitecture>
{
    public CpuArchitectureGraphType()
    {
        Name = "CpuArchitecture";
        Description = "CPU instruction set architecture: X86 or ARM.";
    }

    /// <summary>Constant case would split "X86" into "X_86"; nobody writes it that way.</summary>
    protected override string ChangeEnumCase(string val) => val.ToUpperInvariant();
}
