using Csa.Analysis.Disclosure;
using Csa.Storage;
using Csa.Web.Accounts;
using Csa.Web.Endpoints;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Csa.Web.Extensions;

/// <summary>Composes the atlas: settings, read-only store access, cookie login, anti-forgery, disclosure control.</summary>
public static class AtlasExtensions
{
    /// <summary>Adds the atlas's services, reading the store through <paramref name="readers"/> (made once, by the program
    /// that serves: it alone knows which backend the store is).</summary>
    public static void AddCsaAtlas(this WebApplicationBuilder builder, Func<IServiceProvider, IStoreReaders> readers)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(readers);
        builder.Services.AddOptions<AtlasOptions>().BindConfiguration("Atlas");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(readers);
        builder.Services.AddSingleton(services => new LoginThrottle(services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IStoreReaders>().SharedState));
        builder.AddCookieKeys();
        builder.Services.AddSingleton<IPasswordVerifier, Pbkdf2PasswordVerifier>();
        builder.Services.AddSingleton<AccountLogin>();
        builder.Services.AddSingleton<SessionValidator>();
        builder.Services.AddSingleton(services =>
        {
            var atlas = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AtlasOptions>>().Value;
            return new DisclosureService(new DisclosureSettings(atlas.Public, atlas.SuppressUpTo, atlas.SecondarySuppression));
        });
        builder.Services.AddDataVersionCache();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<QueryErrorHandler>();
        builder.Services.AddExceptionHandler<StoreBusyHandler>();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "csa community safety atlas";
            document.Info.Description = "Crime and disorder by ward and LSOA from csa's store: counts, rates per 1,000, period comparisons with significance, most-similar-group ranks, hot spots, victim/offender pyramids and boundaries. Public mode shows data.police.uk street counts as published (data.police.uk publishes every street record) and protects figures from the force's own extract: whole financial years inside the extract, districts and larger areas, counts from 1 to the threshold and any count that would reveal one not shown.";
            return Task.CompletedTask;
        }));
        builder.Services.AddAntiforgery();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme).Configure<IOptions<AtlasOptions>>((options, atlas) =>
        {
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;

            // Idle lifetime: the cookie slides while the analyst works; the absolute lifetime and the security stamp are checked on every request.
            options.ExpireTimeSpan = atlas.Value.SessionIdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = async context =>
            {
                var validator = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
                if (context.Principal is null || await validator.EndedAsync(context.Principal, context.HttpContext.RequestAborted) is not null)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                }
            };
            options.Events.OnRedirectToLogin = context =>
            {
                // The API answers 401, not a redirect; pages go to the login form.
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorization();
    }

    /// <summary>Maps the atlas's endpoints.</summary>
    /// <exception cref="Core.CsaStoreException">The restricted atlas was asked of a store where logins cannot be counted (a
    /// replica, a read-only role).</exception>
    public static void MapCsaAtlas(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AtlasOptions>>().Value;
        if (!options.Public && app.Services.GetRequiredService<IStoreReaders>().LoginsUnavailable is { } why)
        {
            throw new Core.CsaStoreException(
                $"The restricted atlas cannot be served here: {why}. Serve the public atlas from it (--public), or the restricted " +
                "one from the primary with a role that csa store grant --access atlas has given its rights.");
        }

        app.UseTrustedForwardedHeaders(options.KnownProxies);
        app.UseSecurityHeaders(options.TileUrl);

        // A bad request (a missing anti-forgery token) stays a 400; a store held by an import is a 503 (try again);
        // anything else is a 500 problem, never a stack trace.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                Core.CsaQueryException => StatusCodes.Status400BadRequest,
                Core.CsaStoreException => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        var files = new Microsoft.Extensions.FileProviders.EmbeddedFileProvider(typeof(AtlasExtensions).Assembly, "Csa.Web.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseDataVersionETags();
        app.MapAuthEndpoints();
        app.MapAreaEndpoints();
        app.MapMapEndpoints();
        app.MapStatisticsEndpoints();
        app.MapExtractEndpoints();
        var openApi = app.MapOpenApi("/openapi/{documentName}.json");
        if (!options.Public)
        {
            // Made now, so that no login pays for the dummy hash.
            app.Services.GetRequiredService<AccountLogin>();

            // The restricted atlas describes itself to analysts only.
            openApi.RequireAuthorization();
        }
    }
}
