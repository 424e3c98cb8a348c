using GraphQL;
using GraphQL.Execution;
using Recommender.Core.Errors;

namespace Recommender.Api.GraphQL;

/// <summary>
/// Turns exceptions thrown by resolvers into client errors: a <see cref="RecommenderException"/> keeps its message,
/// its <see cref="RecommenderException.Code"/> and its <see cref="RecommenderException.Details"/> (as extensions);
/// anything else is logged and shown as INTERNAL with no details.
/// </summary>
internal static partial class ErrorMapping
{
    public const string InternalMessage = "Internal error. The failure was logged.";

    public static void Map(UnhandledExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.OriginalException is RecommenderException known)
        {
            var error = new ExecutionError(known.Message, known) { Code = known.Code };
            if (known.Details is { } details)
            {
                error.Extensions = new Dictionary<string, object?>(details);
            }

            context.Exception = error;
            return;
        }

        var logger = context.ExecutionOptions.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ErrorMapping).FullName!);
        if (logger is not null)
        {
            LogUnhandled(logger, context.OriginalException, context.FieldContext?.Path is { } path ? string.Join('.', path) : "(operation)");
        }

        context.Exception = new ExecutionError(InternalMessage) { Code = ErrorCodes.Internal };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL resolver failed at {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
