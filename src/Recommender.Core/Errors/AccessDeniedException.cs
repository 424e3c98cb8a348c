namespace Recommender.Core.Errors;

/// <summary>
/// The caller is not allowed: <see cref="ErrorCodes.Unauthenticated"/> when no valid token came with the request,
/// <see cref="ErrorCodes.Forbidden"/> when the token's user lacks the organisation or the role. The message never says
/// whether the object asked for exists.
/// </summary>
public sealed class AccessDeniedException : RecommenderException
{
    private AccessDeniedException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public override string Code { get; }

    public static AccessDeniedException Unauthenticated(string why) => new(ErrorCodes.Unauthenticated, why);

    public static AccessDeniedException Forbidden(string why) => new(ErrorCodes.Forbidden, why);
}
