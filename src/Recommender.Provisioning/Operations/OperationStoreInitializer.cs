using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Recommender.Provisioning.Operations;

/// <summary>
/// Prepares the operations store (its schema) when the host starts. A store that cannot be reached then is logged, not
/// fatal: the rest of the service still serves, and the store tries again on its first use.
/// </summary>
public sealed partial class OperationStoreInitializer(IOperationStore store, ILogger<OperationStoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.InitializeAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotReady(logger, store.GetType().Name, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "The operations store ({Store}) could not be prepared at start; it will try again on first use.")]
    private static partial void LogNotReady(ILogger logger, string store, Exception exception);
}
