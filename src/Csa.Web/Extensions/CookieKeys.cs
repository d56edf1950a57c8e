using Csa.Storage;
using Csa.Web.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Csa.Web.Extensions;

/// <summary>Where the keys that sign and encrypt login cookies are kept: in the store when it shares state between the
/// atlas's instances (PostgreSQL), in a configured folder, or else in ASP.NET Core's default folder for this user. Every
/// instance names itself the same application, so instances in different folders or machines read each other's cookies.</summary>
static class CookieKeys
{
    /// <summary>The application name every instance of the atlas protects its cookies under.</summary>
    public const string ApplicationName = "csa-atlas";

    /// <summary>Adds data protection, its keys kept as the atlas's settings and store say.</summary>
    public static void AddCookieKeys(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        if (builder.Configuration["Atlas:KeyFolder"] is { Length: > 0 } folder)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(folder));
            return;
        }

        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            if (services.GetRequiredService<IStoreReaders>().SharedState is { } shared)
            {
                options.XmlRepository = new StoreKeyRepository(shared, services.GetRequiredService<TimeProvider>());
            }
        }));
    }
}
