namespace Recommender.Testing;

/// <summary>Marker so the shared test library compiles before it has content.</summary>
internal static class AssemblyMarker
{
}
