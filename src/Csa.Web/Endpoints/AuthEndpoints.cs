using System.Text.Encodings.Web;
using Csa.Core.Security;
using Csa.Web.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Csa.Web.Endpoints;

/// <summary>Logging in and out of the restricted atlas: forms with anti-forgery tokens, throttled by account and by client,
/// one password verification per attempt whether or not the name is an account's.</summary>
public static class AuthEndpoints
{
    /// <summary>The largest login or logout request body: 16 KiB, room for the longest name and password.</summary>
    public const int MaxFormBytes = 16 * 1024;

    /// <summary>Maps GET and POST /login and GET and POST /logout.</summary>
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context, IAntiforgery antiforgery) =>
            TypedResults.Content(Form(context, antiforgery, "/login", """
                <label>Name <input name="name" autocomplete="username" maxlength="64"></label>
                <label>Password <input name="password" type="password" autocomplete="current-password" maxlength="1024"></label>
                <button type="submit">Log in</button>
                """), "text/html")).WithName("LoginForm").AllowAnonymous();

        app.MapPost("/login", async Task<IResult> ([FromForm] string? name, [FromForm] string? password, HttpContext context, AccountLogin login, LoginThrottle throttle, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (name is null || password is null || AccountName.Problem(name) is not null || password.Length > AccountName.MaxPasswordLength)
            {
                // No account can have such a name or password: refused without a lookup, which tells nothing about who exists.
                await throttle.RecordClientFailureAsync(client, CancellationToken.None);
                return TypedResults.Problem("Wrong name or password.", statusCode: StatusCodes.Status401Unauthorized);
            }

            if (await throttle.RefusalAsync(name, client, cancellationToken) is { } refusal)
            {
                return TypedResults.Problem(refusal, statusCode: StatusCodes.Status429TooManyRequests);
            }

            var user = await login.CheckAsync(name, password, cancellationToken);
            // Counted even if the client goes away meanwhile: hanging up must not hide a guess.
            await throttle.RecordAsync(name, client, user is not null, CancellationToken.None);
            if (user is null)
            {
                return TypedResults.Problem("Wrong name or password.", statusCode: StatusCodes.Status401Unauthorized);
            }

            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionClaims.For(user, time.GetUtcNow()));
            return TypedResults.Redirect("/");
        }).WithName("Login").AllowAnonymous().WithMetadata(new RequestSizeLimitAttribute(MaxFormBytes));

        app.MapGet("/logout", (HttpContext context, IAntiforgery antiforgery) =>
            TypedResults.Content(Form(context, antiforgery, "/logout", """<button type="submit">Log out</button>"""), "text/html"))
            .WithName("LogoutForm").AllowAnonymous();

        app.MapPost("/logout", async Task<IResult> ([FromForm] string? confirm, HttpContext context) =>
        {
            _ = confirm; // a form post, so that the anti-forgery token is checked
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.Redirect("/login");
        }).WithName("Logout").AllowAnonymous().WithMetadata(new RequestSizeLimitAttribute(MaxFormBytes));
    }

    static string Form(HttpContext context, IAntiforgery antiforgery, string action, string fields)
    {
        var token = antiforgery.GetAndStoreTokens(context);
        return $"""
            <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>csa atlas</title></head>
            <body><h1>csa atlas</h1><form method="post" action="{action}">
            <input type="hidden" name="{HtmlEncoder.Default.Encode(token.FormFieldName)}" value="{HtmlEncoder.Default.Encode(token.RequestToken ?? string.Empty)}">
            <input type="hidden" name="confirm" value="yes">
            {fields}</form></body></html>
            """;
    }
}
