using StarkSdk.Generator.Parsing;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// Decides which schemas are generated: those operations use (parameters, bodies, success responses), those signed
    /// callbacks carry and answer, and those nothing refers to. Schemas used only by error responses are the runtime's.
    /// </summary>
    internal static class Reachability
    {
        public static void Mark(YamlMappingNode root, SchemaCatalog catalog)
        {
            foreach (var path in root.GetMap("paths").Entries())
            {
                if (path.Value is not YamlMappingNode pathItem)
                {
                    continue;
                }

                catalog.MarkReachable(pathItem.Get("parameters"));
                foreach (var entry in pathItem.Entries())
                {
                    if (!OperationConventions.IsHttpMethod(entry.Key.Value) || entry.Value is not YamlMappingNode operation)
                    {
                        continue;
                    }

                    catalog.MarkReachable(operation.Get("parameters"));
                    catalog.MarkSent(operation.Get("requestBody"));
                    foreach (var response in operation.GetMap("responses").Entries())
                    {
                        if (OperationConventions.IsSuccess(response.Key.Value!))
                        {
                            catalog.MarkReachable(response.Value);
                        }
                    }
                }
            }

            // Signed callbacks: what the API sends is read (its payload: the x-stark-request-key property, else the
            // body), and the answer the customer builds is sent. Webhooks without x-stark-callback generate nothing.
            foreach (var operation in OperationConventions.CallbackOperations(root))
            {
                var body = catalog.Document.Deref(operation.Get("requestBody"));
                var schema = OperationConventions.JsonContent(body?.GetMap("content"))?.Get("schema");
                var key = operation.GetString("x-stark-request-key");
                var payload = key is null ? schema : catalog.Document.Deref(schema)?.GetMap("properties")?.Get(key) ?? schema;
                catalog.MarkReachable(payload);
                foreach (var response in operation.GetMap("responses").Entries())
                {
                    if (OperationConventions.IsSuccess(response.Key.Value!))
                    {
                        catalog.MarkSent(response.Value);
                    }
                }
            }

            catalog.MarkUnreferencedSchemasReachable();
        }
    }
}
