namespace Recommender.Emulators.Measurement;

public static class RefreshMeasurement
{
    public static Task<int> RunAsync(IReadOnlyDictionary<string, string> flags) => Task.FromResult(flags.Count);
}
