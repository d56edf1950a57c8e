using System.Security.Claims;
using System.Text.Encodings.Web;
using Csa.Core.Security;
using Csa.Web.Extensions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Csa.Web.Endpoints;

/// <summary>The login form and its post (anti-forgery checked, lockout after repeated failures).</summary>
public static class AuthEndpoints
{
    /// <summary>Maps GET and POST /login and POST /logout.</summary>
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var token = antiforgery.GetAndStoreTokens(context);
            var html = $"""
                <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>csa atlas: log in</title></head>
                <body><h1>csa atlas</h1><form method="post" action="/login">
                <input type="hidden" name="{HtmlEncoder.Default.Encode(token.FormFieldName)}" value="{HtmlEncoder.Default.Encode(token.RequestToken ?? string.Empty)}">
                <label>Name <input name="name" autocomplete="username"></label>
                <label>Password <input name="password" type="password" autocomplete="current-password"></label>
                <button type="submit">Log in</button></form></body></html>
                """;
            return TypedResults.Content(html, "text/html");
        }).WithName("LoginForm").AllowAnonymous();

        app.MapPost("/login", async Task<IResult> ([FromForm] string name, [FromForm] string password, HttpContext context, StoreAccess stores, LoginThrottle throttle, CancellationToken cancellationToken) =>
        {
            if (throttle.IsLocked(name))
            {
                return TypedResults.Problem($"The account '{name}' is locked after {LockoutPolicy.MaxFailures} failed logins; try again in {LockoutPolicy.LockDuration.TotalMinutes:0} minutes.", statusCode: StatusCodes.Status429TooManyRequests);
            }

            await using var store = await stores.OpenAsync(cancellationToken);
            var user = await store.GetUserAsync(name, cancellationToken);
            var ok = user is not null && PasswordHash.Verify(password, user.PasswordHash);
            throttle.Record(name, ok);
            if (!ok)
            {
                return TypedResults.Problem("Wrong name or password.", statusCode: StatusCodes.Status401Unauthorized);
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return TypedResults.Redirect("/");
        }).WithName("Login").AllowAnonymous();
    }
}
