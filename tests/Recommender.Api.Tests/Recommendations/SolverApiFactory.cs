namespace Recommender.Api.Tests.Recommendations;

/// <summary>
/// The app over the test catalog with the real CP-SAT solver, made deterministic (one worker, fixed seed) and given a
/// time limit far above what the small catalog needs, so a loaded machine cannot turn OPTIMAL into FEASIBLE.
/// </summary>
public sealed class SolverApiFactory : IDisposable
{
    public SolverApiFactory()
    {
        Api.Settings["Solver:Workers"] = "1";
        Api.Settings["Solver:RandomSeed"] = "42";
        Api.Settings["Solver:TimeLimit"] = "00:00:08";
        Api.Settings["Solver:AnswerWithin"] = "00:00:08";
    }

    public ApiFactory Api { get; } = new();

    public void Dispose() => Api.Dispose();
}
