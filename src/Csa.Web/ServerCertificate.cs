using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Csa.Core;

namespace Csa.Web;

/// <summary>The atlas's TLS certificate, loaded from a PEM pair or a PKCS#12 file, with clear errors.</summary>
public static class ServerCertificate
{
    /// <summary>The environment variable holding a PKCS#12 file's password (never on the command line).</summary>
    public const string PasswordVariable = "CSA_CERTIFICATE_PASSWORD";

    /// <summary>Loads the certificate: PEM when <paramref name="keyPath"/> is given, else PKCS#12.</summary>
    /// <exception cref="CsaQueryException">A file is missing or is not a usable certificate (with a private key).</exception>
    public static X509Certificate2 Load(string path, string? keyPath)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var file in new[] { path, keyPath }.OfType<string>())
        {
            if (!File.Exists(file))
            {
                throw new CsaQueryException($"{file}: no such certificate file.");
            }
        }

        try
        {
            var certificate = keyPath is not null
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(path, Environment.GetEnvironmentVariable(PasswordVariable));
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                throw new CsaQueryException($"{path}: the certificate has no private key; give the key with --certificate-key (PEM) or use a .pfx that holds it.");
            }

            return certificate;
        }
        catch (CryptographicException e)
        {
            throw new CsaQueryException($"{path}: not a usable certificate ({e.Message}). Give a PEM certificate with --certificate-key, or a .pfx with its password in {PasswordVariable}.");
        }
    }
}
