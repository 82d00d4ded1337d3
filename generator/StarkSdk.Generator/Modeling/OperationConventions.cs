using System;
using System.Collections.Generic;
using StarkSdk.Generator.Parsing;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>The OpenAPI rules operations and callbacks share: HTTP verbs, success statuses, JSON content, reserved names.</summary>
    internal static class OperationConventions
    {
        /// <summary>Names the generated method already uses for its own parameters and locals.</summary>
        public static readonly string[] ReservedParameterNames = { "options", "query", "cancellationToken", "request", "cursor", "created", "items" };

        private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

        /// <summary>Whether a path item key is an operation (an HTTP verb), not <c>parameters</c>, <c>summary</c>, ....</summary>
        public static bool IsHttpMethod(string? key) => Array.IndexOf(HttpMethods, key) >= 0;

        /// <summary>A 2xx status code.</summary>
        public static bool IsSuccess(string status) => status.Length == 3 && status[0] == '2';

        /// <summary>The JSON media type of a content map (application/json or any +json).</summary>
        public static YamlMappingNode? JsonContent(YamlMappingNode? content)
        {
            foreach (var entry in content.Entries())
            {
                var mediaType = entry.Key.Value!;
                if ((mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
                    && entry.Value is YamlMappingNode map)
                {
                    return map;
                }
            }

            return null;
        }

        /// <summary>The operations of the top-level <c>webhooks:</c> map, with their verb's key node.</summary>
        public static IEnumerable<(YamlScalarNode Verb, YamlMappingNode Operation)> WebhookOperations(YamlMappingNode root)
        {
            foreach (var webhook in root.GetMap("webhooks").Entries())
            {
                if (webhook.Value is not YamlMappingNode pathItem)
                {
                    continue;
                }

                foreach (var entry in pathItem.Entries())
                {
                    if (IsHttpMethod(entry.Key.Value) && entry.Value is YamlMappingNode operation)
                    {
                        yield return (entry.Key, operation);
                    }
                }
            }
        }

        /// <summary>The webhook operations that carry <c>x-stark-callback</c> (the signed callbacks the SDK parses).</summary>
        public static IEnumerable<YamlMappingNode> CallbackOperations(YamlMappingNode root)
        {
            foreach (var (_, operation) in WebhookOperations(root))
            {
                if (operation.Has("x-stark-callback"))
                {
                    yield return operation;
                }
            }
        }
    }
}
