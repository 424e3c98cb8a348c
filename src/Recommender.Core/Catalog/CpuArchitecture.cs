namespace Recommender.Core.Catalog;

public enum CpuArchitecture
{
    X86,
    Arm,
}
