using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Recommender.Web.Tests.Fixtures;

/// <summary>
/// The real service (Program) on Kestrel at a free loopback port, in the Development environment with a data directory
/// of its own (so its development signing key is the test's, never the user's). Nothing is swapped: the catalog is the
/// embedded sample unless <see cref="Settings"/> point it elsewhere.
/// </summary>
public sealed class ServiceHost : WebApplicationFactory<Program>
{
    public ServiceHost()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), $"recommender-web-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(DataDirectory);
    }

    /// <summary>Configuration keys applied on top of appsettings.json (e.g. <c>Alibaba:Endpoints:Cs</c>).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The host environment; Development when null.</summary>
    public string? EnvironmentName { get; set; }

    public string DataDirectory { get; }

    /// <summary>The service's root, e.g. <c>http://127.0.0.1:41234/</c>; set by <see cref="Start"/>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts Kestrel on 127.0.0.1 (a free port) and returns the address the browser should open.</summary>
    public Uri Start()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName ?? Environments.Development);
        builder.UseSetting("DataDirectory", DataDirectory);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a background writer; the temp folder is left for the OS to clean.
        }
    }
}
