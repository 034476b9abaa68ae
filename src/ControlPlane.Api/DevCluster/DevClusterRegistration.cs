namespace ControlPlane.Api.DevCluster;

internal static class DevClusterRegistration
{
    /// <summary>
    /// Binds the DevCluster section and starts the dev cluster with the control plane. With the qemu driver
    /// the control plane also listens on a unix socket, the only way into it from the test hosts' namespaces.
    /// </summary>
    public static WebApplicationBuilder AddDevCluster(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("DevCluster");
        builder.Services.Configure<DevClusterOptions>(section);
        builder.Services.AddSingleton<TestHostCluster>();
        builder.Services.AddHostedService<DevClusterSupervisor>();

        var options = section.Get<DevClusterOptions>() ?? new DevClusterOptions();
        if (options.UsesTestHosts)
        {
            Directory.CreateDirectory(options.TestHostsPath);
            File.Delete(options.ControlPlaneSocket);
            var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
            builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey,
                $"{(string.IsNullOrWhiteSpace(urls) ? "http://localhost:5080" : urls)};http://unix:{options.ControlPlaneSocket}");
        }

        return builder;
    }
}
