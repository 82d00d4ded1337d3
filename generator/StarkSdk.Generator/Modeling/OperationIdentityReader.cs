using System;
using System.Collections.Generic;
using StarkSdk.Generator.Diagnostics;
using StarkSdk.Generator.Parsing;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// Reads what names an operation or a callback in C#: its <c>operationId</c> (unique across <c>paths</c> and
    /// <c>webhooks</c>), <c>x-stark-client</c> and <c>x-stark-method</c>, reporting STARK005 when one is missing or invalid.
    /// </summary>
    internal sealed class OperationIdentityReader
    {
        private readonly SpecContext _context;
        private readonly HashSet<string> _operationIds = new HashSet<string>(StringComparer.Ordinal);

        public OperationIdentityReader(SpecContext context)
        {
            _context = context;
        }

        /// <summary>
        /// The operationId, taken for this operation; null (reported at <paramref name="missingAt"/> or the id) when it
        /// is missing or already used. <paramref name="subject"/> names the operation in messages ("operation GET /v2/x",
        /// "callback 'X'"); <paramref name="reference"/> refers to it ("GET /v2/x", "the callback 'X'").
        /// </summary>
        public string? OperationId(YamlMappingNode operation, YamlNode missingAt, string subject, string reference)
        {
            var operationId = operation.GetString("operationId");
            if (string.IsNullOrWhiteSpace(operationId))
            {
                _context.Report(DiagnosticDescriptors.InvalidSpec, missingAt, $"The {subject} has no operationId");
                return null;
            }

            if (!_operationIds.Add(operationId!))
            {
                _context.Report(DiagnosticDescriptors.InvalidSpec, operation.Get("operationId"), $"The operationId '{operationId}' of {reference} is already used by another operation");
                return null;
            }

            return operationId;
        }

        /// <summary>
        /// Reads <c>x-stark-client</c> split on dots. False (reported) when it is not a list of identifiers, or when it is
        /// absent and <paramref name="required"/>; true with a null path when it is absent and optional.
        /// </summary>
        public bool TryClientPath(YamlMappingNode operation, string operationId, bool required, out string[]? clientPath)
        {
            clientPath = null;
            var node = operation.Get("x-stark-client");
            var client = operation.GetString("x-stark-client");
            if (node is null || (required && string.IsNullOrWhiteSpace(client)))
            {
                if (required)
                {
                    _context.Report(DiagnosticDescriptors.InvalidSpec, operation.Get("operationId"), $"The operation '{operationId}' has no x-stark-client (the client path from the root client, e.g. 'Invoices' or 'Invoices.Logs')");
                    return false;
                }

                return true;
            }

            client ??= (node as YamlScalarNode)?.Value ?? string.Empty;
            var segments = client.Split('.');
            if (Array.Exists(segments, segment => !Naming.IsValidIdentifier(segment)))
            {
                _context.Report(DiagnosticDescriptors.InvalidSpec, node, $"The x-stark-client '{client}' of '{operationId}' is not a dot-separated list of C# identifiers");
                return false;
            }

            clientPath = segments;
            return true;
        }

        /// <summary>
        /// Reads <c>x-stark-method</c>, the method name without Async; <paramref name="fallback"/> when absent (null:
        /// required). Null (reported) when it is missing and required, or not an identifier.
        /// </summary>
        public string? MethodName(YamlMappingNode operation, string operationId, string? fallback)
        {
            var method = operation.GetString("x-stark-method");
            var at = operation.Get("x-stark-method") ?? operation.Get("operationId");
            if (method is null)
            {
                if (fallback is not null)
                {
                    return fallback;
                }

                _context.Report(DiagnosticDescriptors.InvalidSpec, at, $"The operation '{operationId}' has no x-stark-method (the SDK method name without Async, e.g. 'Create' or 'Query')");
                return null;
            }

            if (!Naming.IsValidIdentifier(method))
            {
                _context.Report(DiagnosticDescriptors.InvalidSpec, at, $"The x-stark-method '{method}' of '{operationId}' is not a C# identifier");
                return null;
            }

            return method;
        }
    }
}
