namespace Recommender.Emulators.Alibaba;

public enum MalformedBody
{
    /// <summary>The JSON cut off half way.</summary>
    Truncated,

    /// <summary>A gateway HTML page with status 200.</summary>
    Html,

    /// <summary>Valid JSON with a string where the SDK model has a number.</summary>
    WrongTypes,
}
