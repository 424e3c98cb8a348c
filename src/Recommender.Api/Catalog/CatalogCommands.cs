using Microsoft.Extensions.Options;
using Recommender.Core.Catalog;
using Recommender.Core.Snapshots;

namespace Recommender.Api.Catalog;

/// <summary>
/// Command-line verbs of the service that work on the catalog and exit instead of serving.
/// <c>export-catalog &lt;file&gt;</c> loads the catalog the way start-up does (store, else file, else sample) and
/// writes every region to <c>file</c> as an indented snapshot that <c>--catalog</c> can import again.
/// </summary>
public static class CatalogCommands
{
    public const string ExportVerb = "export-catalog";

    /// <summary>
    /// Runs the catalog verb named in <paramref name="args"/>, if any, and returns whether one ran (the caller then
    /// exits; a failed command sets <see cref="Environment.ExitCode"/> to 1). Call it after <c>Build()</c>, before <c>Run()</c>.
    /// </summary>
    public static async Task<bool> TryRunAsync(string[] args, IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        var verb = Array.IndexOf(args, ExportVerb);
        if (verb < 0)
        {
            return false;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CatalogCommands));
        if (verb + 1 >= args.Length)
        {
            await Console.Error.WriteLineAsync($"usage: {ExportVerb} <file> [--catalog <snapshot to start from>]").ConfigureAwait(false);
            Environment.ExitCode = 1;
            return true;
        }

        var file = args[verb + 1];
        var source = CatalogSwitch(args) ?? services.GetRequiredService<IOptions<CatalogOptions>>().Value.File;
        var result = await services.GetRequiredService<CatalogLoader>().LoadAsync(source, ct).ConfigureAwait(false);
        CatalogStartupService.Report(result, source, logger);
        var catalog = services.GetRequiredService<ICatalog>().Current;
        if (catalog.IsEmpty)
        {
            Environment.ExitCode = 1;
            return true;
        }

        await ExportAsync(catalog, file, services.GetRequiredService<TimeProvider>().GetUtcNow(), ct).ConfigureAwait(false);
        CatalogLog.Exported(logger, file, catalog.Regions.Count);
        return true;
    }

    // The host's command-line parser reads an absolute path such as /tmp/out.json as a "/switch" that swallows the
    // next argument, so "export-catalog /tmp/out.json --catalog in.json" would lose --catalog; read it here as well.
    private static string? CatalogSwitch(string[] args)
    {
        const string Switch = "--" + CatalogOptions.CommandLineKey;
        for (var i = 0; i < args.Length; i++)
        {
            if (string.Equals(args[i], Switch, StringComparison.Ordinal) && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(Switch + "=", StringComparison.Ordinal))
            {
                return args[i][(Switch.Length + 1)..];
            }
        }

        return null;
    }

    /// <summary>Writes <paramref name="snapshot"/> to <paramref name="file"/>, replacing it only once fully written.</summary>
    public static async Task ExportAsync(CatalogSnapshot snapshot, string file, DateTimeOffset generatedAt, CancellationToken ct)
    {
        var document = CatalogSnapshotWriter.ToDocument(snapshot, generatedAt, $"Exported by Recommender at {generatedAt:O}.");
        var partial = file + ".partial";
        var stream = File.Create(partial);
        await using (stream.ConfigureAwait(false))
        {
            await CatalogSnapshotWriter.WriteAsync(stream, document, ct).ConfigureAwait(false);
        }

        File.Move(partial, file, overwrite: true);
    }
}
