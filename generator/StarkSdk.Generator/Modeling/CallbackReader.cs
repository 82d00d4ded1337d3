using System;
using System.Collections.Generic;
using StarkSdk.Generator.Diagnostics;
using StarkSdk.Generator.Parsing;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// Reads the signed callbacks: the operations of the top-level <c>webhooks:</c> map that carry
    /// <c>x-stark-callback</c>, one <see cref="CallbackDraft"/> each (read after the operations: operationIds are unique
    /// across both).
    /// </summary>
    internal sealed class CallbackReader
    {
        private readonly SpecContext _context;
        private readonly SchemaCatalog _catalog;
        private readonly ModelBuilder _types;
        private readonly OperationIdentityReader _identities;
        private readonly YamlMappingNode _root;

        public CallbackReader(SpecContext context, SchemaCatalog catalog, ModelBuilder types, OperationIdentityReader identities, YamlMappingNode root)
        {
            _context = context;
            _catalog = catalog;
            _types = types;
            _identities = identities;
            _root = root;
        }

        /// <summary>The callbacks, in spec order; those with errors are reported and left out.</summary>
        public List<CallbackDraft> Read()
        {
            var drafts = new List<CallbackDraft>();
            var webhooks = _root.Get("webhooks");
            if (webhooks is not null && webhooks is not YamlMappingNode)
            {
                _context.Report(DiagnosticDescriptors.InvalidSpec, webhooks, "'webhooks' must be a mapping of names to path items");
                return drafts;
            }

            foreach (var (verb, operation) in OperationConventions.WebhookOperations(_root))
            {
                var nameNode = operation.Get("x-stark-callback");
                if (nameNode is null)
                {
                    continue;
                }

                var draft = ReadCallback(verb, operation, nameNode);
                if (draft is not null)
                {
                    drafts.Add(draft);
                }
            }

            return drafts;
        }

        private CallbackDraft? ReadCallback(YamlScalarNode verb, YamlMappingNode operation, YamlNode nameNode)
        {
            var callbackName = (nameNode as YamlScalarNode)?.Value;
            if (string.IsNullOrWhiteSpace(callbackName) || !Naming.IsValidIdentifier(callbackName!))
            {
                _context.Report(DiagnosticDescriptors.InvalidSpec, nameNode, "An x-stark-callback must be the callback's name, a C# identifier such as 'PixRequestAuthorization'");
                return null;
            }

            var operationId = _identities.OperationId(operation, nameNode, $"callback '{callbackName}'", $"the callback '{callbackName}'");
            if (operationId is null || !_identities.TryClientPath(operation, operationId, required: false, out var clientPath))
            {
                return null;
            }

            var method = _identities.MethodName(operation, operationId, (verb.Value == "get" ? "Verify" : "Parse") + callbackName);
            if (method is null)
            {
                return null;
            }

            var draft = new CallbackDraft(operationId, callbackName!, method, operation.Get("operationId")!)
            {
                ClientPath = clientPath,
                Tag = operation.GetSequence("tags").Strings().FirstOrDefault(),
                Summary = operation.GetString("summary"),
                Description = operation.GetString("description"),
                IsDeprecated = operation.GetBool("deprecated"),
                HttpMethod = (verb.Value ?? "post").ToUpperInvariant(),
                DeadlineMilliseconds = CallbackFacts.DeadlineMilliseconds(operation),
                SafeDefaultJson = CallbackFacts.SafeDefaultJson(operation),
            };

            var body = _catalog.Document.Deref(operation.Get("requestBody"));
            var key = operation.GetString("x-stark-request-key");
            if (body is null)
            {
                // No body: what is signed is the value of the one required query parameter (a GET such as a BR code read).
                var required = new List<YamlMappingNode>();
                foreach (var item in operation.GetSequence("parameters")?.Children ?? new List<YamlNode>())
                {
                    if (_catalog.Document.Deref(item) is YamlMappingNode parameter && parameter.GetString("in") == "query" && parameter.GetBool("required"))
                    {
                        required.Add(parameter);
                    }
                }

                if (required.Count != 1 || key is not null)
                {
                    _context.Report(
                        DiagnosticDescriptors.UnsupportedConstruct,
                        nameNode,
                        key is not null
                            ? $"The x-stark-request-key of the callback '{callbackName}', which has no request body,"
                            : $"A callback without request body and with {required.Count} required query parameters ('{callbackName}')",
                        "the callback is not generated (a callback carries a JSON body, or exactly one required query parameter whose value is signed)");
                    return null;
                }

                var wireName = required[0].GetString("name") ?? "value";
                var parameterName = Naming.ToParameterName(wireName);
                draft.ValueParameter = Array.IndexOf(OperationConventions.ReservedParameterNames, parameterName) >= 0 || parameterName == "signature" ? parameterName + "Value" : parameterName;
                draft.ValueWireName = wireName;
            }
            else
            {
                var json = OperationConventions.JsonContent(body.GetMap("content"));
                if (json is null)
                {
                    _context.Report(DiagnosticDescriptors.UnsupportedConstruct, operation.Get("requestBody"), $"A request body of the callback '{callbackName}' that is not application/json", "the callback is not generated");
                    return null;
                }

                var schema = json.Get("schema");
                if (key is not null)
                {
                    var keySchema = _catalog.EnvelopeProperty(schema, key);
                    if (keySchema is null)
                    {
                        _context.Report(DiagnosticDescriptors.InvalidSpec, operation.Get("x-stark-request-key"), $"The request body of the callback '{callbackName}' has no property '{key}' (its x-stark-request-key)");
                        return null;
                    }

                    draft.BodyType = _types.Map(keySchema, string.Empty, callbackName + "Payload");
                    draft.EnvelopeKey = key;
                }
                else
                {
                    draft.BodyType = _types.Map(schema, callbackName!, "Request");
                }
            }

            // The answer, when it is one named schema, is named in the docs.
            foreach (var response in operation.GetMap("responses").Entries())
            {
                if (OperationConventions.IsSuccess(response.Key.Value!) && OperationConventions.JsonContent(_catalog.Document.Deref(response.Value)?.GetMap("content"))?.GetMap("schema") is YamlMappingNode answer && answer.Has("$ref"))
                {
                    var answerType = _types.Map(answer, callbackName!, "Answer");
                    draft.AnswerType = answerType.Kind == TypeKind.Object ? answerType.Name : null;
                    break;
                }
            }

            return draft;
        }
    }
}
