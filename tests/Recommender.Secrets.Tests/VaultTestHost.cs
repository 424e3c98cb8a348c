using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recommender.Emulators.Vault;
using Recommender.Secrets.Vault;

namespace Recommender.Secrets.Tests;

/// <summary>
/// A Vault emulator and the real secret services wired against it as the host wires them (<c>AddSecrets</c>), plus a
/// recorder of what the client sent and the log lines written. Fast retry settings by default; the renewal service is
/// built but only runs when a test starts it.
/// </summary>
public sealed class VaultTestHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private VaultTestHost(VaultEmulator emulator, ServiceProvider services, CapturedLogs logs, RecordingHandler recorder)
    {
        Emulator = emulator;
        this.services = services;
        Logs = logs;
        Recorder = recorder;
    }

    public VaultEmulator Emulator { get; }

    public CapturedLogs Logs { get; }

    public RecordingHandler Recorder { get; }

    public IVaultClient Client => services.GetRequiredService<IVaultClient>();

    public ISecretStore Store => services.GetRequiredService<ISecretStore>();

    public VaultTokenRenewer Renewer => services.GetRequiredService<VaultTokenRenewer>();

    /// <summary>
    /// Starts an emulator on <paramref name="time"/> (the client uses the same clock), lets <paramref name="prepare"/>
    /// set it up and return the <c>Secrets:Vault:*</c> settings for authentication (the root token when null), then
    /// applies <paramref name="settings"/> over the defaults.
    /// </summary>
    public static async Task<VaultTestHost> StartAsync(
        TimeProvider? time = null,
        Func<VaultEmulator, Dictionary<string, string?>>? prepare = null,
        Dictionary<string, string?>? settings = null)
    {
        var emulator = await VaultEmulator.StartAsync(new VaultEmulatorOptions { Time = time ?? TimeProvider.System });
        var values = new Dictionary<string, string?>
        {
            ["Secrets:Vault:Address"] = emulator.BaseAddress.ToString(),
            ["Secrets:Vault:AttemptTimeout"] = "00:00:02",
            ["Secrets:Vault:OverallDeadline"] = "00:00:05",
            ["Secrets:Vault:BaseRetryDelay"] = "00:00:00.010",
            ["Secrets:Vault:MaxRetryDelay"] = "00:00:00.050",
            ["Secrets:Vault:MaxAttempts"] = "3",
        };
        foreach (var (key, value) in prepare?.Invoke(emulator) ?? new() { ["Token"] = emulator.RootToken })
        {
            values[$"Secrets:Vault:{key}"] = value;
        }

        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var logs = new CapturedLogs();
        var recorder = new RecordingHandler();
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        collection.AddSecrets(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        collection.AddHttpClient(SecretsServiceCollectionExtensions.VaultHttpClientName).AddHttpMessageHandler(() => recorder);
        return new VaultTestHost(emulator, collection.BuildServiceProvider(), logs, recorder);
    }

    /// <summary>Settings for AppRole login with the given role's credentials.</summary>
    public static Dictionary<string, string?> AppRole(VaultAppRoleCredentials credentials) => new()
    {
        ["AppRole:RoleId"] = credentials.RoleId,
        ["AppRole:SecretId"] = credentials.SecretId,
    };

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
