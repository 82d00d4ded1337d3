using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using StarkSdk.Generator.Diagnostics;
using StarkSdk.Generator.Parsing;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>Reads <c>paths</c>: one <see cref="OperationDraft"/> per operation, following the x-stark-* conventions.</summary>
    internal sealed class OperationReader
    {
        private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

        /// <summary>Names the generated method already uses for its own parameters and locals.</summary>
        private static readonly string[] ReservedParameterNames = { "options", "query", "cancellationToken", "request", "cursor", "created", "items" };

        private static readonly Regex VersionPrefix = new Regex("^v[0-9]+/", RegexOptions.CultureInvariant);

        private readonly SpecContext _context;
        private readonly SchemaCatalog _catalog;
        private readonly TypeMapper _mapper;
        private readonly YamlMappingNode _root;
        private readonly HashSet<string> _operationIds = new HashSet<string>(StringComparer.Ordinal);

        public OperationReader(SpecContext context, SchemaCatalog catalog, TypeMapper mapper, YamlMappingNode root)
        {
            _context = context;
            _catalog = catalog;
            _mapper = mapper;
            _root = root;
        }

        /// <summary>Marks the schemas operations use (parameters, bodies, success responses) as generated.</summary>
        public static void MarkReachable(YamlMappingNode root, SchemaCatalog catalog)
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
                    if (Array.IndexOf(HttpMethods, entry.Key.Value) < 0 || entry.Value is not YamlMappingNode operation)
                    {
                        continue;
                    }

                    catalog.MarkReachable(operation.Get("parameters"));
                    catalog.MarkSent(operation.Get("requestBody"));
                    foreach (var response in operation.GetMap("responses").Entries())
                    {
                        if (IsSuccess(response.Key.Value!))
                        {
                            catalog.MarkReachable(response.Value);
                        }
                    }
                }
            }

            // Signed callbacks: what the API sends is read (its payload: the x-stark-request-key property, else the
            // body), and the answer the customer builds is sent. Webhooks without x-stark-callback generate nothing.
            foreach (var operation in CallbackOperations(root))
            {
                var body = catalog.Deref(operation.Get("requestBody"));
                var schema = JsonContent(body?.GetMap("content"))?.Get("schema");
                var key = operation.GetString("x-stark-request-key");
                var payload = key is null ? schema : catalog.Deref(schema)?.GetMap("properties")?.Get(key) ?? schema;
                catalog.MarkReachable(payload);
                foreach (var response in operation.GetMap("responses").Entries())
                {
                    if (IsSuccess(response.Key.Value!))
                    {
                        catalog.MarkSent(response.Value);
                    }
                }
            }
        }

        /// <summary>The operations of the top-level <c>webhooks:</c> map that carry x-stark-callback.</summary>
        private static IEnumerable<YamlMappingNode> CallbackOperations(YamlMappingNode root)
        {
            foreach (var (_, operation) in WebhookOperations(root))
            {
                if (operation.Has("x-stark-callback"))
                {
                    yield return operation;
                }
            }
        }

        private static IEnumerable<(YamlScalarNode Verb, YamlMappingNode Operation)> WebhookOperations(YamlMappingNode root)
        {
            foreach (var webhook in root.GetMap("webhooks").Entries())
            {
                if (webhook.Value is not YamlMappingNode pathItem)
                {
                    continue;
                }

                foreach (var entry in pathItem.Entries())
                {
                    if (Array.IndexOf(HttpMethods, entry.Key.Value) >= 0 && entry.Value is YamlMappingNode operation)
                    {
                        yield return (entry.Key, operation);
                    }
                }
            }
        }

        public List<OperationDraft> Read()
        {
            var drafts = new List<OperationDraft>();
            var operationIds = _operationIds;
            var paths = _root.Get("paths");
            if (paths is not null && paths is not YamlMappingNode)
            {
                _context.Report(DiagnosticDescriptors.InvalidSpec, paths, "'paths' must be a mapping of paths to path items");
                return drafts;
            }

            foreach (var path in (paths as YamlMappingNode).Entries())
            {
                if (path.Value is not YamlMappingNode pathItem)
                {
                    _context.Report(DiagnosticDescriptors.InvalidSpec, path.Value, $"The path '{path.Key.Value}' must be a mapping of operations");
                    continue;
                }

                foreach (var entry in pathItem.Entries())
                {
                    if (Array.IndexOf(HttpMethods, entry.Key.Value) < 0)
                    {
                        continue;
                    }

                    if (entry.Value is not YamlMappingNode operation)
                    {
                        _context.Report(DiagnosticDescriptors.InvalidSpec, entry.Value, $"The {entry.Key.Value!.ToUpperInvariant()} {path.Key.Value} operation must be a mapping");
                        continue;
                    }

                    var draft = ReadOperation(path.Key.Value!, entry.Key.Value!, operation, pathItem.GetSequence("parameters"), entry.Key, operationIds);
                    if (draft is not null)
                    {
                        drafts.Add(draft);
                    }
                }
            }

            return drafts;
        }

        /// <summary>
        /// Reads the signed callbacks: the operations of the top-level <c>webhooks:</c> map that carry
        /// <c>x-stark-callback</c> (call after <see cref="Read"/>: operationIds are unique across both).
        /// </summary>
        public List<CallbackDraft> ReadCallbacks()
        {
            var drafts = new List<CallbackDraft>();
            var webhooks = _root.Get("webhooks");
            if (webhooks is not null && webhooks is not YamlMappingNode)
            {
                _context.Report(DiagnosticDescriptors.InvalidSpec, webhooks, "'webhooks' must be a mapping of names to path items");
                return drafts;
            }

            foreach (var (verb, operation) in WebhookOperations(_root))
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

            var operationId = operation.GetString("operationId");
            if (string.IsNullOrWhiteSpace(operationId))
            {
                _context.Report(DiagnosticDescriptors.InvalidSpec, nameNode, $"The callback '{callbackName}' has no operationId");
                return null;
            }

            if (!_operationIds.Add(operationId!))
            {
                _context.Report(DiagnosticDescriptors.InvalidSpec, operation.Get("operationId"), $"The operationId '{operationId}' of the callback '{callbackName}' is already used by another operation");
                return null;
            }

            string[]? clientPath = null;
            if (operation.Get("x-stark-client") is YamlNode clientNode)
            {
                var client = (clientNode as YamlScalarNode)?.Value ?? string.Empty;
                clientPath = client.Split('.');
                if (Array.Exists(clientPath, segment => !Naming.IsValidIdentifier(segment)))
                {
                    _context.Report(DiagnosticDescriptors.InvalidSpec, clientNode, $"The x-stark-client '{client}' of '{operationId}' is not a dot-separated list of C# identifiers");
                    return null;
                }
            }

            var isGet = verb.Value == "get";
            var method = operation.GetString("x-stark-method");
            if (method is not null && !Naming.IsValidIdentifier(method))
            {
                _context.Report(DiagnosticDescriptors.InvalidSpec, operation.Get("x-stark-method"), $"The x-stark-method '{method}' of '{operationId}' is not a C# identifier");
                return null;
            }

            var draft = new CallbackDraft(operationId!, callbackName!, method ?? (isGet ? "Verify" : "Parse") + callbackName, operation.Get("operationId")!)
            {
                ClientPath = clientPath,
                Tag = operation.GetSequence("tags").Strings().FirstOrDefault(),
                Summary = operation.GetString("summary"),
                Description = operation.GetString("description"),
                IsDeprecated = operation.GetBool("deprecated"),
            };

            var body = _catalog.Deref(operation.Get("requestBody"));
            var key = operation.GetString("x-stark-request-key");
            if (body is null)
            {
                // No body: what is signed is the value of the one required query parameter (a GET such as a BR code read).
                var required = new List<YamlMappingNode>();
                foreach (var item in operation.GetSequence("parameters")?.Children ?? new List<YamlNode>())
                {
                    if (_catalog.Deref(item) is YamlMappingNode parameter && parameter.GetString("in") == "query" && parameter.GetBool("required"))
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
                draft.ValueParameter = Array.IndexOf(ReservedParameterNames, parameterName) >= 0 || parameterName == "signature" ? parameterName + "Value" : parameterName;
                draft.ValueWireName = wireName;
            }
            else
            {
                var json = JsonContent(body.GetMap("content"));
                if (json is null)
                {
                    _context.Report(DiagnosticDescriptors.UnsupportedConstruct, operation.Get("requestBody"), $"A request body of the callback '{callbackName}' that is not application/json", "the callback is not generated");
                    return null;
                }

                var schema = json.Get("schema");
                if (key is not null)
                {
                    var keySchema = EnvelopeProperty(schema, key);
                    if (keySchema is null)
                    {
                        _context.Report(DiagnosticDescriptors.InvalidSpec, operation.Get("x-stark-request-key"), $"The request body of the callback '{callbackName}' has no property '{key}' (its x-stark-request-key)");
                        return null;
                    }

                    draft.BodyType = _mapper.Map(keySchema, string.Empty, callbackName + "Payload");
                    draft.EnvelopeKey = key;
                }
                else
                {
                    draft.BodyType = _mapper.Map(schema, callbackName!, "Request");
                }
            }

            // The answer, when it is one named schema, is named in the docs.
            foreach (var response in operation.GetMap("responses").Entries())
            {
                if (IsSuccess(response.Key.Value!) && JsonContent(_catalog.Deref(response.Value)?.GetMap("content"))?.GetMap("schema") is YamlMappingNode answer && answer.Has("$ref"))
                {
                    var answerType = _mapper.Map(answer, callbackName!, "Answer");
                    draft.AnswerType = answerType.Kind == TypeKind.Object ? answerType.Name : null;
                    break;
                }
            }

            return draft;
        }

        private static bool IsSuccess(string status) => status.Length == 3 && status[0] == '2';

        private OperationDraft? ReadOperation(string path, string verb, YamlMappingNode operation, YamlSequenceNode? commonParameters, YamlNode verbNode, HashSet<string> operationIds)
        {
            var display = verb.ToUpperInvariant() + " " + path;
            var operationId = operation.GetString("operationId");
            if (string.IsNullOrWhiteSpace(operationId))
            {
                _context.Report(DiagnosticDescriptors.InvalidSpec, verbNode, $"The operation {display} has no operationId");
                return null;
            }

            if (!operationIds.Add(operationId!))
            {
                _context.Report(DiagnosticDescriptors.InvalidSpec, operation.Get("operationId"), $"The operationId '{operationId}' of {display} is already used by another operation");
                return null;
            }

            var client = operation.GetString("x-stark-client");
            if (string.IsNullOrWhiteSpace(client))
            {
                _context.Report(DiagnosticDescriptors.InvalidSpec, operation.Get("operationId"), $"The operation '{operationId}' has no x-stark-client (the client path from the root client, e.g. 'Invoices' or 'Invoices.Logs')");
                return null;
            }

            var clientPath = client!.Split('.');
            foreach (var segment in clientPath)
            {
                if (!Naming.IsValidIdentifier(segment))
                {
                    _context.Report(DiagnosticDescriptors.InvalidSpec, operation.Get("x-stark-client"), $"The x-stark-client '{client}' of '{operationId}' is not a dot-separated list of C# identifiers");
                    return null;
                }
            }

            var method = operation.GetString("x-stark-method");
            if (string.IsNullOrWhiteSpace(method) || !Naming.IsValidIdentifier(method!))
            {
                _context.Report(
                    DiagnosticDescriptors.InvalidSpec,
                    operation.Get("x-stark-method") ?? operation.Get("operationId"),
                    method is null
                        ? $"The operation '{operationId}' has no x-stark-method (the SDK method name without Async, e.g. 'Create' or 'Query')"
                        : $"The x-stark-method '{method}' of '{operationId}' is not a C# identifier");
                return null;
            }

            var draft = new OperationDraft(operationId!, clientPath, method!, verb.ToUpperInvariant(), operation.Get("operationId")!)
            {
                Summary = operation.GetString("summary"),
                Description = operation.GetString("description"),
                IsDeprecated = operation.GetBool("deprecated"),
                Tag = operation.GetSequence("tags").Strings().FirstOrDefault(),
            };

            var ownerName = Naming.ToPascalCase(operationId!);
            if (!ReadParameters(draft, path, operation, commonParameters, ownerName))
            {
                return null;
            }

            if (!ReadBody(draft, operation, ownerName))
            {
                return null;
            }

            return ReadResult(draft, operation, ownerName) ? draft : null;
        }

        private bool ReadParameters(OperationDraft draft, string path, YamlMappingNode operation, YamlSequenceNode? commonParameters, string ownerName)
        {
            // Operation parameters override path-item parameters with the same name and location.
            var parameters = new List<YamlMappingNode>();
            var keys = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var list in new[] { commonParameters, operation.GetSequence("parameters") })
            {
                foreach (var item in list?.Children ?? new List<YamlNode>())
                {
                    var parameter = _catalog.Deref(item);
                    if (parameter is null)
                    {
                        continue;
                    }

                    var key = parameter.GetString("in") + ":" + parameter.GetString("name");
                    if (keys.TryGetValue(key, out var index))
                    {
                        parameters[index] = parameter;
                    }
                    else
                    {
                        keys[key] = parameters.Count;
                        parameters.Add(parameter);
                    }
                }
            }

            var pathParameters = new Dictionary<string, ParameterModel>(StringComparer.Ordinal);
            var queryNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var parameter in parameters)
            {
                var name = parameter.GetString("name");
                var location = parameter.GetString("in");
                if (string.IsNullOrEmpty(name))
                {
                    _context.Report(DiagnosticDescriptors.InvalidSpec, parameter, $"A parameter of '{draft.OperationId}' has no name");
                    continue;
                }

                switch (location)
                {
                    case "path":
                        var parameterName = Naming.ToParameterName(name!);
                        if (Array.IndexOf(ReservedParameterNames, parameterName) >= 0)
                        {
                            parameterName += "Value";
                        }

                        pathParameters[name!] = new ParameterModel(parameterName, name!, parameter.GetString("description"));
                        break;
                    case "query":
                        if (name == "cursor")
                        {
                            draft.CursorParameter = name;
                            break;
                        }

                        var schema = parameter.GetMap("schema");
                        var type = _mapper.Map(schema, ownerName, name!);
                        if (type.Kind == TypeKind.List && !parameter.GetBool("explode") && parameter.Get("explode") is null && parameter.GetString("style") is null)
                        {
                            // OpenAPI's default for arrays is form/explode=true (?a=1&a=2); the runtime sends a=1,2 (explode: false).
                            _context.Report(DiagnosticDescriptors.UnsupportedConstruct, parameter.GetKeyNode("name") ?? parameter, $"The array query parameter '{name}' of '{draft.OperationId}' without 'explode: false'", "it is sent comma-separated, as 'style: form, explode: false' says");
                        }
                        else if (type.Kind == TypeKind.List && parameter.GetBool("explode"))
                        {
                            _context.Report(DiagnosticDescriptors.UnsupportedConstruct, parameter.Get("explode"), $"'explode: true' on the array query parameter '{name}' of '{draft.OperationId}'", "it is sent comma-separated (explode: false)");
                        }
                        else if (type.Kind == TypeKind.Object || type.Kind == TypeKind.Dictionary)
                        {
                            _context.Report(DiagnosticDescriptors.UnsupportedConstruct, parameter.GetKeyNode("schema") ?? parameter, $"The object query parameter '{name}' of '{draft.OperationId}'", "it is not generated");
                            break;
                        }

                        var propertyName = Naming.ToPascalCase(name!);
                        if (!queryNames.Add(propertyName))
                        {
                            _context.Report(DiagnosticDescriptors.NameClash, parameter.GetKeyNode("name") ?? parameter, propertyName, $"the query parameter '{name}' of '{draft.OperationId}'", "another query parameter of the same operation");
                            break;
                        }

                        draft.QueryParameters.Add(new QueryParameterModel(
                            propertyName,
                            name!,
                            type,
                            parameter.GetString("description") ?? schema?.GetString("description"),
                            IsLimit: name == "limit",
                            IsRequired: parameter.GetBool("required")));
                        break;
                    case "header":
                        // Accept-Language is RequestOptions.Language; the signature headers are the runtime's.
                        if (!string.Equals(name, "Accept-Language", StringComparison.OrdinalIgnoreCase) && !name!.StartsWith("Access-", StringComparison.OrdinalIgnoreCase))
                        {
                            _context.Report(DiagnosticDescriptors.UnsupportedConstruct, parameter.GetKeyNode("name") ?? parameter, $"The header parameter '{name}' of '{draft.OperationId}'", "it is not generated");
                        }

                        break;
                    default:
                        _context.Report(DiagnosticDescriptors.UnsupportedConstruct, parameter.GetKeyNode("in") ?? parameter, $"The {location ?? "unplaced"} parameter '{name}' of '{draft.OperationId}'", "it is not generated");
                        break;
                }
            }

            // The path relative to the version root: "/v2/invoice/{id}/pdf" -> "invoice/" + id + "/pdf".
            var relative = path.TrimStart('/');
            relative = VersionPrefix.Replace(relative, string.Empty);
            var position = 0;
            while (position < relative.Length)
            {
                var open = relative.IndexOf('{', position);
                if (open < 0)
                {
                    draft.Path.Add(new PathSegment(relative.Substring(position), false));
                    break;
                }

                var close = relative.IndexOf('}', open);
                if (close < 0)
                {
                    _context.Report(DiagnosticDescriptors.InvalidSpec, draft.Node, $"The path '{path}' of '{draft.OperationId}' has an unclosed '{{'");
                    return false;
                }

                if (open > position)
                {
                    draft.Path.Add(new PathSegment(relative.Substring(position, open - position), false));
                }

                var wireName = relative.Substring(open + 1, close - open - 1);
                if (!pathParameters.TryGetValue(wireName, out var parameter))
                {
                    _context.Report(DiagnosticDescriptors.InvalidSpec, draft.Node, $"The path parameter '{wireName}' of '{draft.OperationId}' ({path}) is not declared in its parameters");
                    var fallbackName = Naming.ToParameterName(wireName);
                    parameter = new ParameterModel(Array.IndexOf(ReservedParameterNames, fallbackName) >= 0 ? fallbackName + "Value" : fallbackName, wireName, null);
                    pathParameters[wireName] = parameter;
                }

                if (!draft.PathParameters.Contains(parameter))
                {
                    draft.PathParameters.Add(parameter);
                }

                draft.Path.Add(new PathSegment(parameter.Name, true));
                position = close + 1;
            }

            return true;
        }

        private bool ReadBody(OperationDraft draft, YamlMappingNode operation, string ownerName)
        {
            var body = _catalog.Deref(operation.Get("requestBody"));
            if (body is null)
            {
                return true;
            }

            var content = body.GetMap("content");
            var json = JsonContent(content);
            if (json is null)
            {
                _context.Report(DiagnosticDescriptors.UnsupportedConstruct, operation.Get("requestBody"), $"A request body of '{draft.OperationId}' that is not application/json", "the operation is not generated");
                return false;
            }

            var schema = json.Get("schema");
            var key = operation.GetString("x-stark-request-key");
            var reserved = new HashSet<string>(ReservedParameterNames, StringComparer.Ordinal);
            foreach (var parameter in draft.PathParameters)
            {
                reserved.Add(parameter.Name);
            }

            if (key is not null)
            {
                var keySchema = EnvelopeProperty(schema, key);
                if (keySchema is null)
                {
                    _context.Report(DiagnosticDescriptors.InvalidSpec, operation.Get("x-stark-request-key"), $"The request body of '{draft.OperationId}' has no property '{key}' (its x-stark-request-key)");
                    return false;
                }

                var type = _mapper.Map(keySchema, string.Empty, EntityName(draft.ClientPath));
                var isList = type.Kind == TypeKind.List && type.Element is not null;
                var itemType = isList ? type.Element! : type;
                var parameterName = Naming.WithValueSuffixWhileTaken(Naming.ToParameterName(key), reserved);
                string? single = null;
                if (isList)
                {
                    reserved.Add(parameterName);
                    var candidate = itemType.Kind == TypeKind.Object || itemType.Kind == TypeKind.Enum ? Naming.ToParameterName(itemType.Name) : "item";
                    single = Naming.WithValueSuffixWhileTaken(candidate, reserved);
                }

                draft.Body = new BodyModel(itemType, key, isList, parameterName, single, body.GetString("description") ?? (keySchema as YamlMappingNode)?.GetString("description"));
            }
            else
            {
                var type = _mapper.Map(schema, ownerName, "Request");
                var candidate = type.Kind == TypeKind.Object || type.Kind == TypeKind.Enum ? Naming.ToParameterName(type.Name) : "body";
                draft.Body = new BodyModel(type, null, false, Naming.WithValueSuffixWhileTaken(candidate, reserved), null, body.GetString("description"));
            }

            return true;
        }

        private bool ReadResult(OperationDraft draft, YamlMappingNode operation, string ownerName)
        {
            YamlNode? responseNode = null;
            foreach (var response in operation.GetMap("responses").Entries())
            {
                if (IsSuccess(response.Key.Value!) || string.Equals(response.Key.Value, "2XX", StringComparison.OrdinalIgnoreCase))
                {
                    responseNode = response.Value;
                    break;
                }
            }

            var responseMap = _catalog.Deref(responseNode);
            var content = responseMap?.GetMap("content");
            var description = responseMap?.GetString("description");
            var key = operation.GetString("x-stark-response-key");
            if (!ReadSingleItem(draft, operation, out var singleItem))
            {
                return false;
            }

            var json = JsonContent(content);
            if (singleItem && json is null)
            {
                _context.Report(
                    DiagnosticDescriptors.InvalidSpec,
                    operation.GetKeyNode("x-stark-single-item") ?? draft.Node,
                    $"The operation '{draft.OperationId}' has x-stark-single-item but no JSON 200 response");
                return false;
            }

            if (content is null || content.Children.Count == 0)
            {
                draft.Result = new ResultModel(ResultKind.None, null, null, description);
                return true;
            }

            if (json is null)
            {
                draft.Result = new ResultModel(ResultKind.Binary, null, null, description);
                return true;
            }

            var schema = json.Get("schema");
            TypeRef type;
            if (key is not null)
            {
                var keySchema = EnvelopeProperty(schema, key);
                if (keySchema is null)
                {
                    _context.Report(DiagnosticDescriptors.InvalidSpec, operation.Get("x-stark-response-key"), $"The response of '{draft.OperationId}' has no property '{key}' (its x-stark-response-key)");
                    return false;
                }

                type = _mapper.Map(keySchema, string.Empty, EntityName(draft.ClientPath));
            }
            else
            {
                type = _mapper.Map(schema, ownerName, "Response");
            }

            if (singleItem)
            {
                // x-stark-single-item: the response key names a list that always holds exactly one item (the balance).
                if (key is null || type.Kind != TypeKind.List || type.Element is null)
                {
                    _context.Report(
                        DiagnosticDescriptors.InvalidSpec,
                        operation.GetKeyNode("x-stark-single-item") ?? draft.Node,
                        $"The operation '{draft.OperationId}' has x-stark-single-item but its x-stark-response-key does not name an array of the JSON response");
                    return false;
                }

                if (draft.MethodName == "Query" || draft.CursorParameter is not null)
                {
                    _context.Report(
                        DiagnosticDescriptors.InvalidSpec,
                        operation.GetKeyNode("x-stark-single-item") ?? draft.Node,
                        $"The operation '{draft.OperationId}' has x-stark-single-item but is paged (x-stark-method Query or a cursor parameter): a one-item list has no pages");
                    return false;
                }

                draft.Result = new ResultModel(ResultKind.SingleItem, type.Element, key, description);
                return true;
            }

            var isPaged = draft.MethodName == "Query" || (draft.CursorParameter is not null && type.Kind == TypeKind.List);
            if (isPaged && (type.Kind != TypeKind.List || key is null))
            {
                _context.Report(
                    DiagnosticDescriptors.InvalidSpec,
                    operation.Get("x-stark-method") ?? draft.Node,
                    $"The paged operation '{draft.OperationId}' must name the array of its response with x-stark-response-key");
                isPaged = false;
            }

            draft.Result = isPaged
                ? new ResultModel(ResultKind.Paged, type.Element!, key, description)
                : new ResultModel(ResultKind.Json, type, key, description);
            return true;
        }

        /// <summary>Reads <c>x-stark-single-item</c>: absent or a boolean; anything else is STARK005.</summary>
        private bool ReadSingleItem(OperationDraft draft, YamlMappingNode operation, out bool singleItem)
        {
            singleItem = false;
            var node = operation.Get("x-stark-single-item");
            if (node is null)
            {
                return true;
            }

            if (node is YamlScalarNode scalar && (scalar.Value == "true" || scalar.Value == "false"))
            {
                singleItem = scalar.Value == "true";
                return true;
            }

            _context.Report(DiagnosticDescriptors.InvalidSpec, node, $"The x-stark-single-item of '{draft.OperationId}' must be true or false");
            return false;
        }

        /// <summary>
        /// The name inline envelope items get: the client path singularized (<c>Invoices.Logs</c> → <c>InvoiceLog</c>);
        /// the spec usually names them with a $ref instead.
        /// </summary>
        public static string EntityName(string[] clientPath)
        {
            var name = string.Empty;
            foreach (var segment in clientPath)
            {
                name += Naming.Singularize(segment);
            }

            return name;
        }

        /// <summary>The JSON media type of a content map (application/json or any +json).</summary>
        private static YamlMappingNode? JsonContent(YamlMappingNode? content)
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

        /// <summary>The schema of the envelope property <paramref name="key"/> (following $ref and allOf).</summary>
        private YamlNode? EnvelopeProperty(YamlNode? schema, string key)
        {
            var map = _catalog.Deref(schema);
            if (map is null)
            {
                return null;
            }

            if (map.GetMap("properties")?.Get(key) is YamlNode property)
            {
                return property;
            }

            foreach (var part in map.GetSequence("allOf")?.Children ?? new List<YamlNode>())
            {
                if (EnvelopeProperty(part, key) is YamlNode found)
                {
                    return found;
                }
            }

            return null;
        }
    }

    internal static class EnumerableExtensions
    {
        public static T? FirstOrDefault<T>(this IEnumerable<T> items)
            where T : class
        {
            foreach (var item in items)
            {
                return item;
            }

            return null;
        }
    }
}
