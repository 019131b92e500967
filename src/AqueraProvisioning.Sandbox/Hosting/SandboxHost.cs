using System;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace AqueraProvisioning.Sandbox;

/// <summary>Builds the ASP.NET Core application: Kestrel on 127.0.0.1 only, logging to stderr or off.</summary>
internal static class SandboxHost
{
    public static WebApplication Build(SandboxOptions options, SandboxState state, ScimProbe probe, ScimClient scim)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        // stdout belongs to the ready line, so logs, when wanted at all, go to stderr.
        builder.Logging.ClearProviders();
        if (!options.Quiet)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddConsole();
            builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();

        // Requests held by the latency knob must not delay shutdown for the default 30 s.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            listen.Use(next => connection =>
            {
                // Counted per TCP connection, so the benchmark can prove a client reuses connections.
                state.Counters.ConnectionOpened();
                return next(connection);
            })));

        var app = builder.Build();
        SandboxPipeline.Configure(app, state, probe, scim);
        return app;
    }
}
