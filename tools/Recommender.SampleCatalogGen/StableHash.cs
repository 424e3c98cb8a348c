using System.Text;

namespace Recommender.SampleCatalogGen;

/// <summary>
/// Deterministic pseudo-random numbers keyed by names (FNV-1a over UTF-8 with a fixed seed), instead of a sequential
/// Random: adding a family or a zone does not reshuffle the prices and stock of every other type.
/// </summary>
public static class StableHash
{
    private const ulong Seed = 0x5EED_2026_1101UL;
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>A number in [0, 1) that depends only on the seed and <paramref name="parts"/>.</summary>
    public static double Unit(params string[] parts)
    {
        var hash = FnvOffset ^ Seed;
        foreach (var part in parts)
        {
            foreach (var b in Encoding.UTF8.GetBytes(part))
            {
                hash = (hash ^ b) * FnvPrime;
            }

            hash = (hash ^ 0x1F) * FnvPrime;
        }

        // Final avalanche (splitmix64) so that names differing in one letter give unrelated numbers.
        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        hash ^= hash >> 31;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }
}
