using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Recommender.Core.Errors;

namespace Recommender.Secrets.Vault;

/// <summary>
/// Sends <see cref="VaultCall"/>s with the contract's retry policy (§1): connection errors, attempt timeouts, 412, 429
/// and 5xx except 501 are retried, at most <see cref="VaultOptions.MaxAttempts"/> attempts, with doubling backoff and
/// jitter but never sooner than Retry-After; 400, 403 and 404 never are. Everything, re-login included, stays within
/// <see cref="VaultOptions.OverallDeadline"/>: when the deadline or the attempts run out the call fails with
/// <see cref="SecretsUnavailableException"/>. Headers: <c>X-Vault-Request: true</c> always, the token only in
/// <c>X-Vault-Token</c>, <c>X-Vault-Namespace</c> verbatim when configured.
/// </summary>
internal sealed class VaultTransport(HttpClient http, VaultOptions settings, TimeProvider time, ILogger logger)
{
    /// <summary>
    /// Gives the token to send: <c>rejected</c> is null for the first attempt, or the token Vault just refused (403),
    /// in which case the answer is a newer token or null when there is none.
    /// </summary>
    public delegate Task<string?> TokenSource(string? rejected, CancellationToken ct);

    private readonly Uri baseAddress = new(settings.Address!.ToString().TrimEnd('/') + "/");

    public async Task<VaultAnswer> SendAsync(VaultCall call, TokenSource? tokens, CancellationToken ct)
    {
        var body = call.Body is null ? null : Encoding.UTF8.GetBytes(call.Body.ToJsonString());
        var deadlineAt = time.GetUtcNow() + settings.OverallDeadline;
        using var deadline = new CancellationTokenSource(settings.OverallDeadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        var attempt = 0;
        try
        {
            var token = call.Authenticated && tokens is not null ? await tokens(null, linked.Token).ConfigureAwait(false) : null;
            var triedNewToken = false;
            while (true)
            {
                attempt++;
                var outcome = await AttemptAsync(call, body, token, linked.Token).ConfigureAwait(false);
                var errors = outcome.Failure is null ? VaultErrorText.Describe(outcome.Status, VaultJson.Parse(outcome.Body), call.Body, token) : [];
                if (outcome.Status == 403)
                {
                    if (call.Authenticated && call.RetryWithNewToken && !triedNewToken && tokens is not null)
                    {
                        triedNewToken = true;
                        VaultLog.Reauthenticating(logger, call.Operation, call.Path);
                        var fresh = await tokens(token, linked.Token).ConfigureAwait(false);
                        if (fresh is not null && !string.Equals(fresh, token, StringComparison.Ordinal))
                        {
                            token = fresh;
                            attempt--; // the retry with a new token is the one the contract allows on top of the budget
                            continue;
                        }
                    }

                    if (!call.Authenticated || call.RetryWithNewToken)
                    {
                        throw Unavailable(call, $"Vault refused the service's credentials (HTTP 403{Listed(errors)})", attempt, null, null);
                    }
                }

                if (!IsRetryable(outcome))
                {
                    return new VaultAnswer(outcome.Status, VaultJson.Parse(outcome.Body), errors);
                }

                var reason = outcome.Failure ?? $"HTTP {outcome.Status}{Listed(errors)}";
                if (attempt >= settings.MaxAttempts)
                {
                    throw Unavailable(call, reason, attempt, outcome.RetryAfter, outcome.Error);
                }

                var delay = Backoff(attempt, outcome.RetryAfter);
                if (time.GetUtcNow() + delay >= deadlineAt)
                {
                    var why = $"{reason}; waiting {delay.TotalMilliseconds:0} ms more would pass the {settings.OverallDeadline} deadline";
                    throw Unavailable(call, why, attempt, outcome.RetryAfter, outcome.Error);
                }

                VaultLog.Retrying(logger, call.Operation, call.Path, attempt, settings.MaxAttempts, reason, delay);
                await Task.Delay(delay, time, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw Unavailable(call, $"no answer within the {settings.OverallDeadline} deadline", attempt, null, e);
        }
    }

    /// <summary>One unauthenticated attempt with the attempt timeout and no retry (health probes).</summary>
    public async Task<VaultAnswer?> SendOnceAsync(VaultCall call, CancellationToken ct)
    {
        var outcome = await AttemptAsync(call, null, null, ct).ConfigureAwait(false);
        return outcome.Failure is null ? new VaultAnswer(outcome.Status, VaultJson.Parse(outcome.Body), []) : null;
    }

    private static bool IsRetryable(Outcome outcome) =>
        outcome.Failure is not null || outcome.Status is 412 or 429 || (outcome.Status >= 500 && outcome.Status != 501);

    private static string Listed(IReadOnlyList<string> errors) => errors.Count == 0 ? "" : $": {string.Join("; ", errors)}";

    private SecretsUnavailableException Unavailable(VaultCall call, string reason, int attempts, TimeSpan? retryAfter, Exception? inner)
    {
        VaultLog.GaveUp(logger, call.Operation, call.Path, reason);
        return new SecretsUnavailableException(
            $"The secret store (Vault) is unavailable: {call.Operation} {call.Path} failed after {attempts} attempt(s): {reason}.",
            retryAfter,
            inner);
    }

    /// <summary>Doubling from <see cref="VaultOptions.BaseRetryDelay"/>, capped, times a jitter in [1, 1.5); at least Retry-After.</summary>
    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var exponential = settings.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, settings.MaxRetryDelay.TotalMilliseconds);
        var backoff = TimeSpan.FromMilliseconds(capped * (1 + (Random.Shared.NextDouble() * 0.5)));
        return retryAfter is { } floor && floor > backoff ? floor : backoff;
    }

    private async Task<Outcome> AttemptAsync(VaultCall call, byte[]? body, string? token, CancellationToken ct)
    {
        using var request = Build(call, body, token);
        using var timeout = new CancellationTokenSource(settings.AttemptTimeout, time);
        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptCts.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(attemptCts.Token).ConfigureAwait(false);
            return new Outcome((int)response.StatusCode, bytes, RetryAfter(response.Headers), null, null);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new Outcome(0, [], null, $"no answer within the {settings.AttemptTimeout} attempt timeout", e);
        }
        catch (HttpRequestException e)
        {
            return new Outcome(0, [], null, $"connection failed ({e.HttpRequestError})", e);
        }
        catch (IOException e)
        {
            return new Outcome(0, [], null, "connection failed (the answer broke off)", e);
        }
    }

    private HttpRequestMessage Build(VaultCall call, byte[]? body, string? token)
    {
        var request = new HttpRequestMessage(call.Method, new Uri(baseAddress, $"v1/{call.Path}{(call.Query is null ? "" : "?" + call.Query)}"));
        request.Headers.TryAddWithoutValidation("X-Vault-Request", "true");
        request.Headers.Accept.ParseAdd("application/json");
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Vault-Token", token);
        }

        if (!string.IsNullOrEmpty(settings.Namespace))
        {
            request.Headers.TryAddWithoutValidation("X-Vault-Namespace", settings.Namespace);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    private TimeSpan? RetryAfter(HttpResponseHeaders headers)
    {
        if (headers.RetryAfter is not { } value)
        {
            return null;
        }

        var wait = value.Delta ?? (value.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } w && w > TimeSpan.Zero ? w : null;
    }

    private readonly record struct Outcome(int Status, byte[] Body, TimeSpan? RetryAfter, string? Failure, Exception? Error);
}
