using Csa.Core;
using Microsoft.AspNetCore.Diagnostics;

namespace Csa.Web.Extensions;

/// <summary>While an import holds the store, a request cannot open it: a 503 problem with Retry-After, so that clients and
/// proxies try again shortly instead of giving up. The store's own message (which names its path) stays on the server.</summary>
sealed class StoreBusyHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before trying again: a writer that asked the atlas for the store is usually
    /// done within seconds, and the atlas takes the store back at the first request after it.</summary>
    public const int RetryAfterSeconds = 1;

    /// <inheritdoc/>
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not CsaStoreException)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The store is busy; try again shortly.",
                Detail = "Another csa process (an import) is writing the store; the atlas reads it again as soon as it is done.",
            },
            Exception = exception,
        });
    }
}
