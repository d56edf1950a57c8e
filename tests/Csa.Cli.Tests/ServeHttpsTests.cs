using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Csa.Tests;

namespace Csa.Cli.Tests;

/// <summary><c>csa serve</c> over https: refused clearly without a certificate; with one (a SYNTHETIC self-signed certificate
/// made by the test), served with HSTS.</summary>
public sealed class ServeHttpsTests
{
    [Fact]
    public async Task AnHttpsUrlWithoutACertificate_IsAClearError()
    {
        using var scratch = TestPaths.NewScratchFolder();

        var result = await CsaProcess.RunAsync(scratch, "serve", "--urls", "https://127.0.0.1:5443");
        var badFile = await CsaProcess.RunAsync(scratch, "serve", "--urls", "https://127.0.0.1:5443", "--certificate", scratch.File("none.pem"), "--certificate-key", scratch.File("none.key"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("An https URL needs a certificate: give --certificate FILE", result.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadQuery, badFile.ExitCode);
        Assert.Contains("none.pem: no such certificate file.", badFile.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error + badFile.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithACertificate_TheAtlasServesHttps_WithHsts()
    {
        using var scratch = TestPaths.NewScratchFolder();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllTextAsync(scratch.File("atlas.pem"), certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(scratch.File("atlas.key"), key.ExportPkcs8PrivateKeyPem());
        var port = CsaServer.FreePort();

        using var server = CsaServer.Start(scratch, ["--public", "--urls", $"https://127.0.0.1:{port}", "--certificate", scratch.File("atlas.pem"), "--certificate-key", scratch.File("atlas.key")], new Dictionary<string, string>());
        try
        {
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == certificate.Thumbprint };
            using var http = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}") };
            await CsaServer.WaitUntilUpAsync(http);

            using var response = await http.GetAsync("/api/config");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS over https");
        }
        finally
        {
            await CsaServer.StopAsync(server);
        }
    }
}
