using System.Globalization;
using Recommender.SampleCatalogGen;

// Usage: <output.json> [--as-of yyyy-MM-dd]. The as-of date is the only notion of time: no clock is read.
if (args.Length is not (1 or 3) || (args.Length == 3 && args[1] != "--as-of"))
{
    await Console.Error.WriteLineAsync("usage: Recommender.SampleCatalogGen <output.json> [--as-of yyyy-MM-dd]");
    return 2;
}

var asOf = SampleCatalog.DefaultAsOf;
if (args.Length == 3 && !DateOnly.TryParseExact(args[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
{
    await Console.Error.WriteLineAsync($"--as-of: not a yyyy-MM-dd date: {args[2]}");
    return 2;
}

var document = SampleCatalog.Build(asOf);
var output = Path.GetFullPath(args[0]);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllBytesAsync(output, SampleCatalog.ToUtf8Json(document));

foreach (var region in document.Regions)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{region.Region.Id,-16} {region.InstanceTypes.Count,4} types  {region.Region.Zones.Count} zones"));
}

Console.WriteLine($"wrote {output}");
return 0;
