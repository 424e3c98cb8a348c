using Microsoft.Extensions.Options;
using Recommender.Api.Operations;
using Recommender.Secrets;

namespace Recommender.Api.Identity;

/// <summary>
/// Says at start how tokens are checked and where secrets live, loudly when it is a development default, and refuses
/// to start in Production with secrets kept only in memory (they would be lost on restart and are not protected).
/// </summary>
public sealed partial class SecurityStartupCheck(
    IOptions<IdentityOptions> identity,
    IHostEnvironment environment,
    IConfiguration configuration,
    ISecretStore secrets,
    ILogger<SecurityStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var mode = TokenValidationSetup.Mode(identity.Value, environment);
        switch (mode)
        {
            case IdentityMode.None:
                NoTokenKey(logger);
                break;
            case IdentityMode.DevelopmentKey:
                DevelopmentKey(logger, DevelopmentSigningKey.PathIn(DataDirectory.Resolve(configuration)));
                break;
            default:
                TokenMode(logger, mode.ToString());
                break;
        }

        if (secrets is InMemorySecretStore)
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException(
                    "Refusing to start: no Vault is configured (Secrets:Vault:Address) and the in-memory secret store is not for Production.");
            }

            InMemorySecrets(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Identity: no Identity:SigningKey or Identity:Authority in Production, so every bearer token is refused; only anonymous queries work.")]
    private static partial void NoTokenKey(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Identity: tokens are checked against the DEVELOPMENT key at {Path}; mint one with `dev-token --org <id> --role admin`. Configure Identity:Authority or Identity:SigningKey for real use.")]
    private static partial void DevelopmentKey(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Identity: tokens are checked against the configured {Mode}.")]
    private static partial void TokenMode(ILogger logger, string mode);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "!!! Secrets are kept IN MEMORY ONLY: they are lost on restart and not protected. Configure Vault (Secrets:Vault:Address) for anything but development. !!!")]
    private static partial void InMemorySecrets(ILogger logger);
}
