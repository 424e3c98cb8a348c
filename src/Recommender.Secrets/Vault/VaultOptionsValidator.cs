using Microsoft.Extensions.Options;

namespace Recommender.Secrets.Vault;

/// <summary>Fails start-up with the first problem <see cref="VaultOptions.Problem"/> finds.</summary>
internal sealed class VaultOptionsValidator : IValidateOptions<VaultOptions>
{
    public ValidateOptionsResult Validate(string? name, VaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
