namespace Recommender.Emulators.Vault;

/// <summary>Go's <c>strconv.ParseBool</c>: the only spellings Vault accepts for <c>?list=</c> and the <c>sys/health</c> flags.</summary>
public static class GoBool
{
    public static bool TryParse(string? text, out bool value)
    {
        switch (text)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
