using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Recommender.Core.Cloud;
using Recommender.Core.Errors;

namespace Recommender.Alibaba.OpenApi;

/// <summary>
/// Typed <see cref="HttpClient"/> for Alibaba OpenAPIs, RPC (ECS) and ROA (CS), signed with V3 (ACS3-HMAC-SHA256). Owns the retry policy
/// (the HttpClient has no resilience handler, so retries are never doubled): only retryable codes/statuses, exponential
/// backoff with jitter, at least the server's TimeLeft, and a fresh nonce and timestamp for every attempt. Every upstream
/// string put into a <see cref="CloudApiException"/> goes through <see cref="CredentialRedactor"/> with the credentials
/// of that attempt, and no exception carrying unredacted upstream text is attached as an inner one.
/// </summary>
public sealed class OpenApiClient(
    HttpClient http,
    IOptions<AlibabaOptions> options,
    ICredentialSource credentials,
    ApiRateLimiter limiter,
    TimeProvider time)
{
    private readonly AlibabaOptions settings = options.Value;

    /// <summary>
    /// Sends an RPC call (ECS) signed for <paramref name="account"/> (the service's own account when null) and maps the
    /// JSON answer; throws <see cref="CloudApiException"/>.
    /// </summary>
    public Task<T> CallAsync<T>(RpcCall call, JsonTypeInfo<T> responseType, ApiCallMeter? meter, CancellationToken ct, CredentialReference? account = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        return SendAsync(call.ToCall(), FromSource(account), responseType, meter, ct);
    }

    /// <summary>Sends a ROA call (CS) signed for <paramref name="account"/> and maps the JSON answer; throws <see cref="CloudApiException"/>.</summary>
    public Task<T> CallAsync<T>(RoaCall call, JsonTypeInfo<T> responseType, ApiCallMeter? meter, CancellationToken ct, CredentialReference? account = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        return SendAsync(call.ToCall(), FromSource(account), responseType, meter, ct);
    }

    /// <summary>
    /// Sends an RPC call signed with credentials that are not stored anywhere yet (checking a secret before it is
    /// saved). Same retries and redaction as every other call.
    /// </summary>
    public Task<T> CallWithAsync<T>(RpcCall call, CloudCredentials given, JsonTypeInfo<T> responseType, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(given);
        return SendAsync(call.ToCall(), _ => Task.FromResult(given), responseType, null, ct);
    }

    private Func<CancellationToken, Task<CloudCredentials>> FromSource(CredentialReference? account)
    {
        var reference = account ?? CredentialReference.Service(settings.AccountRef);
        return async ct => await credentials.GetAsync(reference, ct).ConfigureAwait(false)
            ?? throw new CloudApiException(AlibabaErrorCodes.ClientNoCredentials, $"No Alibaba credentials for {reference}.");
    }

    private async Task<T> SendAsync<T>(
        OpenApiCall call, Func<CancellationToken, Task<CloudCredentials>> credentialsOfAttempt, JsonTypeInfo<T> responseType, ApiCallMeter? meter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(responseType);
        var nonceRetried = false;
        var failures = 0; // retryable failures other than throttling: their budget is MaxAttempts
        for (var attempt = 1; ; attempt++)
        {
            // Fetched per attempt: short-lived (STS) credentials may roll over while we back off.
            var creds = await credentialsOfAttempt(ct).ConfigureAwait(false);
            await limiter.WaitAsync(call.Region, call.Action, ct).ConfigureAwait(false);
            meter?.Increment();
            CloudApiException failure;
            try
            {
                return await SendOnceAsync(call, creds, responseType, ct).ConfigureAwait(false);
            }
            catch (CloudApiException e)
            {
                failure = e;
            }

            var isNonceClash = string.Equals(failure.VendorCode, AlibabaErrorCodes.SignatureNonceUsed, StringComparison.Ordinal);
            // Throttled attempts do not use up the budget for server errors and timeouts: a call throttled four times
            // and then answered 503 once has had one failure, not five. All attempts together stay within the larger limit.
            var throttled = AlibabaErrorCodes.IsThrottling(failure.VendorCode);
            failures += throttled ? 0 : 1;
            // A create that may have been carried out is not resent blindly (see RoaCall.Idempotent); only answers the
            // gateway gives before the API runs (throttling, a nonce clash) are safe to retry for it.
            var mayHaveRun = !call.Idempotent && !throttled && !isNonceClash;
            var retry = !mayHaveRun && AlibabaErrorCodes.IsRetryable(failure.VendorCode, failure.HttpStatus)
                && attempt < Math.Max(settings.MaxAttempts, settings.MaxAttemptsWhenThrottled)
                && (throttled || failures < settings.MaxAttempts)
                && !(isNonceClash && nonceRetried);
            if (!retry)
            {
                throw failure;
            }

            nonceRetried |= isNonceClash;
            await Task.Delay(RetryDelay(attempt, failure), time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Exponential backoff with jitter, but never shorter than what the server asked for.</summary>
    private TimeSpan RetryDelay(int attempt, CloudApiException failure)
    {
        var exponential = settings.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, settings.MaxRetryDelay.TotalMilliseconds);
        var backoff = TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() * 0.5)));
        var floor = failure.RetryAfter
            ?? (AlibabaErrorCodes.IsThrottling(failure.VendorCode) ? UntilNextMinute() : TimeSpan.Zero);
        return backoff > floor ? backoff : floor;
    }

    /// <summary>ECS throttles in per-minute windows: without a TimeLeft hint, the next window starts at the minute.</summary>
    private TimeSpan UntilNextMinute()
    {
        var now = time.GetUtcNow();
        var left = TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(now.Ticks % TimeSpan.TicksPerMinute);
        return left < settings.MaxRetryDelay ? left : settings.MaxRetryDelay;
    }

    private async Task<T> SendOnceAsync<T>(OpenApiCall call, CloudCredentials creds, JsonTypeInfo<T> responseType, CancellationToken ct)
    {
        using var request = BuildSignedRequest(call, creds);
        using var timeout = new CancellationTokenSource(settings.AttemptTimeout, time);
        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptCts.Token).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(attemptCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new CloudApiException(AlibabaErrorCodes.ClientTimeout, $"{call.Action} took longer than {settings.AttemptTimeout}.", isTransient: true, inner: e);
        }
        catch (HttpRequestException e)
        {
            // The handler's own text (socket errors, a premature end), never the body: the inner exception may stay.
            throw new CloudApiException(
                AlibabaErrorCodes.ClientConnection, CredentialRedactor.Redact($"{call.Action}: {e.Message}", creds), isTransient: true, inner: e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return Parse(call, body, responseType, creds);
            }

            throw ToException(call, response, body, creds);
        }
    }

    private HttpRequestMessage BuildSignedRequest(OpenApiCall call, CloudCredentials creds)
    {
        if (!settings.Endpoints.TryGetValue(call.Product, out var template))
        {
            throw new InvalidOperationException($"No endpoint configured for Alibaba product '{call.Product}' (Alibaba:Endpoints:{call.Product}).");
        }

        var parameters = call.Query.Where(p => p.Value.Length > 0).ToList();
        var query = string.Join('&', parameters.Select(p => $"{AcsPercentEncoder.Encode(p.Key)}={AcsPercentEncoder.Encode(p.Value)}"));
        var canonicalUri = call.Path == "/" ? "/" : AcsPercentEncoder.EncodePath(call.Path);
        var baseUri = template.Replace("{region}", call.Region, StringComparison.Ordinal).TrimEnd('/');
        var uri = new Uri(query.Length == 0 ? $"{baseUri}{canonicalUri}" : $"{baseUri}{canonicalUri}?{query}");
        var bodyHash = call.Body.Length == 0 ? AcsSignature.EmptyBodySha256 : AcsSignature.Sha256Hex(call.Body);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("host", uri.Authority),
            new("x-acs-action", call.Action),
            new("x-acs-version", call.Version),
            new("x-acs-date", time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("x-acs-signature-nonce", Guid.NewGuid().ToString("N")),
            new("x-acs-content-sha256", bodyHash),
        };
        if (!string.IsNullOrEmpty(creds.SecurityToken))
        {
            headers.Add(new("x-acs-security-token", creds.SecurityToken));
        }

        if (call.ContentType is not null)
        {
            headers.Add(new("content-type", call.ContentType));
        }

        var canonical = AcsSignature.V3CanonicalRequest(call.Method, canonicalUri, parameters, headers, bodyHash);
        var signature = AcsSignature.V3Signature(creds.AccessKeySecret, AcsSignature.V3StringToSign(canonical));
        var request = new HttpRequestMessage(new HttpMethod(call.Method), uri);
        request.Headers.Host = uri.Authority;
        foreach (var (name, value) in headers.Where(h => h.Key is not ("host" or "content-type")))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (call.ContentType is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", call.ContentType);
        }

        request.Headers.TryAddWithoutValidation("Authorization", AcsSignature.V3Authorization(creds.AccessKeyId, headers.Select(h => h.Key), signature));
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    private static T Parse<T>(OpenApiCall call, byte[] body, JsonTypeInfo<T> responseType, CloudCredentials creds)
    {
        if (body.Length == 0 && call.Method == "DELETE")
        {
            // Older CS versions answer DeleteCluster 202 and may send no body at all: a delete that was accepted.
            body = "{}"u8.ToArray();
        }

        try
        {
            return JsonSerializer.Deserialize(body, responseType)
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException e)
        {
            // No inner exception: the JSON path in its message names properties of the body, which is upstream text.
            throw new CloudApiException(
                AlibabaErrorCodes.ClientMalformedResponse,
                CredentialRedactor.Redact($"{call.Action} answered a body that is not the documented JSON: {e.Message}", creds),
                isTransient: true);
        }
    }

    /// <summary>
    /// Maps an error answer by its code (ECS <c>Code</c> or CS <c>code</c>), never by its message. Code, message and
    /// request id are all upstream text, so all are redacted: a proxy may echo the request into any of them.
    /// </summary>
    private static CloudApiException ToException(OpenApiCall call, HttpResponseMessage response, byte[] body, CloudCredentials creds)
    {
        var status = (int)response.StatusCode;
        string? code = null, message = null, requestId = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                code = ReadString(doc.RootElement, "Code");
                message = ReadString(doc.RootElement, "Message");
                requestId = ReadString(doc.RootElement, "RequestId");
            }
        }
        catch (JsonException)
        {
            // A gateway error page instead of JSON: classified by HTTP status below.
        }

        code = code is null
            ? status switch
            {
                (int)HttpStatusCode.ServiceUnavailable => AlibabaErrorCodes.ServiceUnavailable,
                >= 500 => AlibabaErrorCodes.InternalError,
                _ => $"Http{status}",
            }
            : CredentialRedactor.Redact(code, creds, CredentialRedactor.MaxIdLength);
        return new CloudApiException(
            code,
            $"{call.Action} in {call.Region} failed with HTTP {status}: {(message is null ? "(no message)" : CredentialRedactor.Redact(message, creds))}",
            requestId is null ? null : CredentialRedactor.Redact(requestId, creds, CredentialRedactor.MaxIdLength),
            status,
            AlibabaErrorCodes.IsTransient(code, status),
            ThrottleHints.RetryAfter(response.Headers));
    }

    private static string? ReadString(JsonElement obj, string name)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
            {
                return p.Value.GetString();
            }
        }

        return null;
    }
}
