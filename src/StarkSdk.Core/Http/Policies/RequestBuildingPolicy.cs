using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Core;

/// <summary>
/// First policy: resolves once per call what every attempt shares — the user, language, URL, timeouts, retry settings — and
/// serializes the body once, so every attempt signs and sends the very same bytes.
/// </summary>
internal sealed class RequestBuildingPolicy : PipelinePolicy
{
    private readonly ApiDescriptor _api;
    private readonly StarkClientOptions _options;

    internal RequestBuildingPolicy(ApiDescriptor api, StarkClientOptions options)
    {
        _api = api;
        _options = options;
    }

    internal override Task ProcessAsync(StarkMessage message, PolicyChain next)
    {
        var call = message.Options;
        message.User = call?.User ?? _options.User
            ?? throw new InvalidOperationException("No Stark user: set StarkClientOptions.User or pass RequestOptions.User.");
        message.Language = OptionChecks.Language(call?.Language ?? _options.Language);
        message.AttemptTimeout = OptionChecks.Timeout(call?.AttemptTimeout ?? _options.AttemptTimeout, "attemptTimeout");
        message.Retry = OptionChecks.Retry(_options.Retry);
        message.TimeProvider = _options.TimeProvider ?? TimeProvider.System;
        message.Path = "/" + _api.Version + "/" + message.Request.Path;
        message.Uri = BuildUri(message.User, message.Request);
        if (message.Request.Body != null)
        {
            message.Body = Serialize(message.Request.Body);
        }

        return next.ProcessNextAsync(message);
    }

    internal Uri BuildUri(User user, ApiRequest request)
    {
        var baseUrl = (_options.BaseUrl ?? _api.BaseUrlFor(user.Environment)).AbsoluteUri;
        var builder = new StringBuilder(baseUrl.Length + request.Path.Length + 64);
        builder.Append(baseUrl);
        if (baseUrl[baseUrl.Length - 1] != '/')
        {
            builder.Append('/');
        }

        builder.Append(_api.Version).Append('/').Append(request.Path);
        var query = request.Query.ToString();
        if (query.Length > 0)
        {
            builder.Append('?').Append(query);
        }

        return new Uri(builder.ToString(), UriKind.Absolute);
    }

    private static byte[] Serialize(object body)
    {
        switch (body)
        {
            case RawJson raw:
                return Encoding.UTF8.GetBytes(raw.Text);
            case JToken token:
                return Encoding.UTF8.GetBytes(token.ToString(Formatting.None));
            default:
                using (var buffer = new MemoryStream())
                {
                    using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), 4096, leaveOpen: true))
                    using (var json = new JsonTextWriter(writer) { Formatting = Formatting.None })
                    {
                        StarkJson.Internal.Serialize(json, body);
                    }

                    return buffer.ToArray();
                }
        }
    }
}
