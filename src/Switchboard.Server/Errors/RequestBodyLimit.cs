using Microsoft.AspNetCore.Http.Metadata;

namespace Switchboard.Server.Errors;

/// <summary>Endpoint metadata that raises (or lowers) <see cref="BodySizeLimitMiddleware.MaxBytes"/> for one endpoint, such as a webhook.</summary>
public sealed record RequestBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
