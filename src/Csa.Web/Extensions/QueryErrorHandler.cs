using Csa.Core;
using Microsoft.AspNetCore.Diagnostics;

namespace Csa.Web.Extensions;

/// <summary>An analysis's query error (no data held for the period, boundaries or estimates not imported…) is the
/// client's to mend: a 400 validation problem carrying csa's own message, as the CLI prints it.</summary>
sealed class QueryErrorHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <inheritdoc/>
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not CsaQueryException query)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new Microsoft.AspNetCore.Http.HttpValidationProblemDetails(new Dictionary<string, string[]> { ["query"] = [query.Message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The data held cannot answer this query.",
            },
            Exception = exception,
        });
    }
}
