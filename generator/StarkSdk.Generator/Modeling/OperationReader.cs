using System;
using System.Collections.Generic;
using StarkSdk.Generator.Diagnostics;
using StarkSdk.Generator.Parsing;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// Reads <c>paths</c>: one <see cref="OperationDraft"/> per operation, following the x-stark-* conventions (its
    /// parameters, path template, request body and, through <see cref="ResultReader"/>, its result).
    /// </summary>
    internal sealed class OperationReader
    {
        private readonly SpecContext _context;
        private readonly SchemaCatalog _catalog;
        private readonly ModelBuilder _types;
        private readonly OperationIdentityReader _identities;
        private readonly ResultReader _results;
        private readonly YamlMappingNode _root;

        public OperationReader(SpecContext context, SchemaCatalog catalog, ModelBuilder types, OperationIdentityReader identities, YamlMappingNode root)
        {
            _context = context;
            _catalog = catalog;
            _types = types;
            _identities = identities;
            _results = new ResultReader(context, catalog, types);
            _root = root;
        }

        /// <summary>The operations of <c>paths</c>, in spec order; those with errors are reported and left out.</summary>
        public List<OperationDraft> Read()
        {
            var drafts = new List<OperationDraft>();
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
                    if (!OperationConventions.IsHttpMethod(entry.Key.Value))
                    {
                        continue;
                    }

                    if (entry.Value is not YamlMappingNode operation)
                    {
                        _context.Report(DiagnosticDescriptors.InvalidSpec, entry.Value, $"The {entry.Key.Value!.ToUpperInvariant()} {path.Key.Value} operation must be a mapping");
                        continue;
                    }

                    var draft = ReadOperation(path.Key.Value!, entry.Key.Value!, operation, pathItem.GetSequence("parameters"), entry.Key);
                    if (draft is not null)
                    {
                        drafts.Add(draft);
                    }
                }
            }

            return drafts;
        }

        private OperationDraft? ReadOperation(string path, string verb, YamlMappingNode operation, YamlSequenceNode? commonParameters, YamlNode verbNode)
        {
            var display = verb.ToUpperInvariant() + " " + path;
            var operationId = _identities.OperationId(operation, verbNode, "operation " + display, display);
            if (operationId is null || !_identities.TryClientPath(operation, operationId, required: true, out var clientPath))
            {
                return null;
            }

            var method = _identities.MethodName(operation, operationId, fallback: null);
            if (method is null)
            {
                return null;
            }

            var draft = new OperationDraft(operationId, clientPath!, method, verb.ToUpperInvariant(), operation.Get("operationId")!)
            {
                Summary = operation.GetString("summary"),
                Description = operation.GetString("description"),
                IsDeprecated = operation.GetBool("deprecated"),
                Tag = operation.GetSequence("tags").Strings().FirstOrDefault(),
            };

            var ownerName = Naming.ToPascalCase(operationId);
            if (!ReadParameters(draft, path, operation, commonParameters, ownerName))
            {
                return null;
            }

            if (!ReadBody(draft, operation, ownerName))
            {
                return null;
            }

            return _results.TryRead(draft, operation, verbNode, ownerName) ? draft : null;
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
                    var parameter = _catalog.Document.Deref(item);
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
                        if (Array.IndexOf(OperationConventions.ReservedParameterNames, parameterName) >= 0)
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
                        var type = _types.Map(schema, ownerName, name!);
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

            return PathTemplate.TryParse(_context, draft, path, pathParameters);
        }

        private bool ReadBody(OperationDraft draft, YamlMappingNode operation, string ownerName)
        {
            var body = _catalog.Document.Deref(operation.Get("requestBody"));
            if (body is null)
            {
                return true;
            }

            var content = body.GetMap("content");
            var json = OperationConventions.JsonContent(content);
            if (json is null)
            {
                _context.Report(DiagnosticDescriptors.UnsupportedConstruct, operation.Get("requestBody"), $"A request body of '{draft.OperationId}' that is not application/json", "the operation is not generated");
                return false;
            }

            var schema = json.Get("schema");
            var key = operation.GetString("x-stark-request-key");
            var reserved = new HashSet<string>(OperationConventions.ReservedParameterNames, StringComparer.Ordinal);
            foreach (var parameter in draft.PathParameters)
            {
                reserved.Add(parameter.Name);
            }

            if (key is not null)
            {
                var keySchema = _catalog.EnvelopeProperty(schema, key);
                if (keySchema is null)
                {
                    _context.Report(DiagnosticDescriptors.InvalidSpec, operation.Get("x-stark-request-key"), $"The request body of '{draft.OperationId}' has no property '{key}' (its x-stark-request-key)");
                    return false;
                }

                var type = _types.Map(keySchema, string.Empty, Naming.EntityName(draft.ClientPath));
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
                var type = _types.Map(schema, ownerName, "Request");
                var candidate = type.Kind == TypeKind.Object || type.Kind == TypeKind.Enum ? Naming.ToParameterName(type.Name) : "body";
                draft.Body = new BodyModel(type, null, false, Naming.WithValueSuffixWhileTaken(candidate, reserved), null, body.GetString("description"));
            }

            return true;
        }
    }
}
