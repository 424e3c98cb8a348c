using System.Text.Json;
using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>The emulator's transport details: reading the token and the body, writing answers, dropping connections.</summary>
internal static class VaultHttp
{
    /// <summary><c>X-Vault-Token</c>, else <c>Authorization: Bearer</c>.</summary>
    public static string? Token(HttpRequest request)
    {
        var token = request.Headers["X-Vault-Token"].FirstOrDefault();
        if (!string.IsNullOrEmpty(token))
        {
            return token;
        }

        var authorization = request.Headers.Authorization.FirstOrDefault();
        return authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true ? authorization[7..].Trim() : null;
    }

    /// <summary>Reads the whole body, refusing with 413 past <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        var tooLarge = new VaultError(413, "failed to parse JSON input: http: request body too large");
        if (request.ContentLength > limit)
        {
            throw tooLarge;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw tooLarge;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Content-Type exactly <c>application/json</c> (no charset: hvac compares the string) on every answer, errors and 204
    /// included; HEAD gets no body.
    /// </summary>
    public static async Task WriteAsync(HttpContext context, int status, JsonObject? body, IReadOnlyDictionary<string, string>? headers)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.ContentType = "application/json";
        response.Headers.CacheControl = "no-store";
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        if (body is not null && status != 204 && !HttpMethods.IsHead(context.Request.Method))
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body, VaultJson.Options);
            await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends the headers and the first byte of a body, then resets the connection. A drop before any byte would be retried
    /// silently by .NET's SocketsHttpHandler on a reused connection, hiding the fault from the client under test.
    /// </summary>
    public static async Task DropAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.Headers.ContentType = "application/json";
        context.Response.ContentLength = 1024;
        await context.Response.Body.WriteAsync("{"u8.ToArray(), context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        context.Abort();
    }
}
