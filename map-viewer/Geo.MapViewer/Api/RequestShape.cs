namespace Geo.MapViewer.Api;

/// <summary>
/// Refuses requests whose shape is wrong before any endpoint sees them, as problem+json: a request target (path and
/// query) that is too long (414), headers too large in total (431), and paths with control characters or
/// backslashes (400).
/// </summary>
internal static class RequestShape
{
    public const int MaxTargetBytes = 8 * 1024;
    public const int MaxHeaderBytes = 32 * 1024;

    public static Task Check(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        int target = request.Path.Value?.Length ?? 0;
        target += request.PathBase.Value?.Length ?? 0;
        target += request.QueryString.Value?.Length ?? 0;
        if (target > MaxTargetBytes)
        {
            throw new ApiProblemException(StatusCodes.Status414UriTooLong, "Request target too long",
                $"the path and query are {target} characters long; at most {MaxTargetBytes}: send large inputs as a JSON body");
        }
        long headers = 0;
        foreach (var (name, values) in request.Headers)
        {
            headers += name.Length + 4;
            foreach (var v in values) headers += v?.Length ?? 0;
        }
        if (headers > MaxHeaderBytes)
        {
            throw new ApiProblemException(StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request headers too large",
                $"the request headers total {headers} bytes; at most {MaxHeaderBytes}");
        }
        string path = request.Path.Value ?? "";
        for (int i = 0; i < path.Length; i++)
        {
            char c = path[i];
            if (char.IsControl(c) || c == '\\')
            {
                throw ApiProblemException.BadRequest($"the path has {(c == '\\' ? "a backslash" : $"the control character U+{(int)c:X4}")} at position {i + 1}; " +
                    $"paths are plain, e.g. /api/stations/{{id}}; see {ViewerServer.OpenApiPath}");
            }
        }
        return next();
    }
}
