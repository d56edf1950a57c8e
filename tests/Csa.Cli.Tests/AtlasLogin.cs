using System.Net;
using System.Text.RegularExpressions;

namespace Csa.Cli.Tests;

/// <summary>Logs in to a restricted atlas as a browser does (the form, its anti-forgery token and cookie, the post), with
/// cookies carried by hand so that one login can be presented to another instance.</summary>
static partial class AtlasLogin
{
    /// <summary>Posts a login to <paramref name="http"/>, its form fetched from <paramref name="formFrom"/> (the same atlas or
    /// another instance), as <paramref name="forwardedFor"/> says through a proxy when given. Returns the response and the
    /// session cookie it set (null when refused).</summary>
    public static async Task<(HttpStatusCode Status, string Detail, string? Session)> PostAsync(HttpClient http, HttpClient formFrom, string name, string password, string? forwardedFor = null)
    {
        using var form = await formFrom.GetAsync("/login");
        var match = Token().Match(await form.Content.ReadAsStringAsync());
        var antiforgery = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [match.Groups[1].Value] = match.Groups[2].Value,
                ["name"] = name,
                ["password"] = password,
            }),
            Headers = { { "Cookie", antiforgery } },
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await http.SendAsync(request);
        var session = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith(".AspNetCore.Cookies=", StringComparison.Ordinal))
            : null;
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), session);
    }

    /// <summary>A GET with the session cookie.</summary>
    public static async Task<HttpStatusCode> GetAsync(HttpClient http, string path, string session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Cookie", session } } };
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A client for an atlas on a loopback port that neither follows redirects nor keeps cookies.</summary>
    public static HttpClient Client(int port) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

    /// <summary>The anti-forgery token's field name and value in a form.</summary>
    [GeneratedRegex("name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    internal static partial Regex Token();
}
