using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Recommender.Core.Errors;

namespace Recommender.Api.Operations;

/// <summary>
/// The answer to any exception no endpoint handled, in every environment: a GraphQL-shaped error with a code and no
/// details. Registered inside ASP.NET's developer exception page, so even Development never shows a caller a stack trace.
/// </summary>
public static class UnhandledErrorResponse
{
    public static async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, code, message) = error is BadHttpRequestException bad
            ? (bad.StatusCode, "INVALID_REQUEST", bad.Message)
            : (StatusCodes.Status500InternalServerError, ErrorCodes.Internal, "Internal error. The failure was logged.");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new { errors = new[] { new { message, extensions = new { code } } } };
        await JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
