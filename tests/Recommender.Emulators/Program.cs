namespace Recommender.Emulators;

/// <summary>
/// Entry point of `dotnet run --project tests/Recommender.Emulators`. A named class, not top-level statements, so that
/// test projects referencing both the emulator and the API do not see two global <c>Program</c> types.
/// </summary>
public static class EmulatorProgram
{
    public static Task<int> Main(string[] args) => EmulatorCommand.RunAsync(args);
}
