using System;
using StarkSdk.Generator.Diagnostics;
using StarkSdk.Generator.Parsing;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// Reads what an operation returns: nothing, a binary body, a JSON value (or the property its
    /// <c>x-stark-response-key</c> names), a page of items, or the single item of a one-item list.
    /// </summary>
    internal sealed class ResultReader
    {
        private readonly SpecContext _context;
        private readonly SchemaCatalog _catalog;
        private readonly ModelBuilder _types;

        public ResultReader(SpecContext context, SchemaCatalog catalog, ModelBuilder types)
        {
            _context = context;
            _catalog = catalog;
            _types = types;
        }

        /// <summary>Sets <see cref="OperationDraft.Result"/> from the first success response; false (reported) when it cannot.</summary>
        public bool TryRead(OperationDraft draft, YamlMappingNode operation, YamlNode verbNode, string ownerName)
        {
            YamlNode? responseNode = null;
            foreach (var response in operation.GetMap("responses").Entries())
            {
                if (OperationConventions.IsSuccess(response.Key.Value!) || string.Equals(response.Key.Value, "2XX", StringComparison.OrdinalIgnoreCase))
                {
                    responseNode = response.Value;
                    break;
                }
            }

            var responseMap = _catalog.Document.Deref(responseNode);
            var content = responseMap?.GetMap("content");
            var description = responseMap?.GetString("description");
            var key = operation.GetString("x-stark-response-key");
            if (!TryReadSingleItem(draft, operation, out var singleItem))
            {
                return false;
            }

            var json = OperationConventions.JsonContent(content);
            if (singleItem && json is null)
            {
                _context.Report(
                    DiagnosticDescriptors.InvalidSpec,
                    operation.GetKeyNode("x-stark-single-item") ?? draft.Node,
                    $"The operation '{draft.OperationId}' has x-stark-single-item but no JSON 200 response");
                return false;
            }

            if (key is not null && json is null)
            {
                // Without this check the operation would silently become a method that returns nothing.
                _context.Report(DiagnosticDescriptors.MissingResponse, verbNode, draft.OperationId, key, responseNode is null ? "no success (2xx) response" : "no JSON content in its success response");
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
                var keySchema = _catalog.EnvelopeProperty(schema, key);
                if (keySchema is null)
                {
                    _context.Report(DiagnosticDescriptors.InvalidSpec, operation.Get("x-stark-response-key"), $"The response of '{draft.OperationId}' has no property '{key}' (its x-stark-response-key)");
                    return false;
                }

                type = _types.Map(keySchema, string.Empty, Naming.EntityName(draft.ClientPath));
            }
            else
            {
                type = _types.Map(schema, ownerName, "Response");
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
        private bool TryReadSingleItem(OperationDraft draft, YamlMappingNode operation, out bool singleItem)
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
    }
}
