using Microsoft.Extensions.Options;
using Recommender.Core.Errors;

namespace Recommender.Provisioning.Execution;

/// <summary>
/// Waits for a cloud resource by asking again at a fixed interval on the injected clock, up to
/// <see cref="ProvisioningOptions.WaitTimeout"/>; running out is a transient failure (the step may be tried again).
/// </summary>
internal sealed class StepPoller(IOptions<ProvisioningOptions> options, TimeProvider time)
{
    /// <summary>Code of a wait that ran out of time.</summary>
    public const string WaitTimedOut = "Client.WaitTimedOut";

    /// <summary>Calls <paramref name="isDone"/> until it answers true, waiting <paramref name="interval"/> between calls.</summary>
    public async Task UntilAsync(string what, TimeSpan interval, Func<CancellationToken, Task<bool>> isDone, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + options.Value.WaitTimeout;
        while (!await isDone(ct).ConfigureAwait(false))
        {
            if (time.GetUtcNow() >= deadline)
            {
                throw new CloudApiException(WaitTimedOut, $"{what} did not happen within {options.Value.WaitTimeout}.", isTransient: true);
            }

            await Task.Delay(interval, time, ct).ConfigureAwait(false);
        }
    }
}
