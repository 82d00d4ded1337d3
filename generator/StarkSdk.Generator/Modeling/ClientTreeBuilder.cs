using System;
using System.Collections.Generic;
using StarkSdk.Generator.Diagnostics;
using StarkSdk.Generator.Parsing;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// Groups operations into clients by x-stark-client (<c>Invoices</c>, <c>Invoices.Logs</c>), names the classes and
    /// query options, checks method name clashes and builds the root client's model.
    /// </summary>
    internal sealed class ClientTreeBuilder
    {
        private readonly SpecContext _context;
        private readonly SpecOptions _options;
        private readonly TypeRegistry _registry;
        private readonly Dictionary<string, string> _tagDescriptions = new Dictionary<string, string>(StringComparer.Ordinal);

        public ClientTreeBuilder(SpecContext context, SpecOptions options, TypeRegistry registry, YamlMappingNode root)
        {
            _context = context;
            _options = options;
            _registry = registry;
            foreach (var tag in root.GetSequence("tags")?.Children ?? new List<YamlNode>())
            {
                if (tag is YamlMappingNode map && map.GetString("name") is string name && map.GetString("description") is string description)
                {
                    _tagDescriptions[name] = description;
                }
            }
        }

        public List<GeneratedUnit> Build(List<OperationDraft> drafts, List<CallbackDraft> callbacks)
        {
            var nodes = new Dictionary<string, ClientNode>(StringComparer.Ordinal);
            var order = new List<ClientNode>();
            ClientNode NodeOf(string[] clientPath, YamlNode yamlNode)
            {
                ClientNode? parent = null;
                for (var depth = 1; depth <= clientPath.Length; depth++)
                {
                    var path = string.Join(".", clientPath, 0, depth);
                    if (!nodes.TryGetValue(path, out var node))
                    {
                        node = new ClientNode(path, clientPath[depth - 1], parent, yamlNode);
                        nodes[path] = node;
                        order.Add(node);
                        parent?.Children.Add(node);
                    }

                    parent = node;
                }

                return parent!;
            }

            foreach (var draft in drafts)
            {
                NodeOf(draft.ClientPath, draft.Node).Operations.Add(draft);
            }

            foreach (var callback in callbacks)
            {
                var clientPath = callback.ClientPath ?? ClientOfTag(drafts, callback.Tag);
                if (clientPath is null)
                {
                    _context.Report(
                        DiagnosticDescriptors.InvalidSpec,
                        callback.Node,
                        $"The callback '{callback.CallbackName}' ({callback.OperationId}) has no x-stark-client, and no operation tagged '{callback.Tag ?? "(no tag)"}' names a client to put it on");
                    continue;
                }

                NodeOf(clientPath, callback.Node).Callbacks.Add(callback);
            }

            // Class names: "Invoices.Logs" -> InvoicesLogsClient.
            foreach (var node in order)
            {
                var name = node.Path.Replace(".", string.Empty) + "Client";
                if (!_registry.TryRegister(name, $"the client '{node.Path}'", out var owner))
                {
                    _context.Report(DiagnosticDescriptors.NameClash, node.Node, name, $"the client '{node.Path}'", owner);
                    continue;
                }

                node.TypeName = name;
            }

            var units = new List<GeneratedUnit>();
            var clients = new List<GeneratedUnit>();
            foreach (var node in order)
            {
                if (node.TypeName is null)
                {
                    continue;
                }

                var operations = new List<OperationModel>();
                var methodNames = new HashSet<string>(StringComparer.Ordinal);
                var entity = EntityName(node);
                foreach (var draft in node.Operations)
                {
                    var clash = false;
                    foreach (var methodName in draft.EmittedMethodNames)
                    {
                        if (methodNames.Contains(methodName))
                        {
                            _context.Report(DiagnosticDescriptors.NameClash, draft.Node, methodName, $"the operation '{draft.OperationId}'", $"another method of {node.TypeName}");
                            clash = true;
                            break;
                        }
                    }

                    if (clash)
                    {
                        continue;
                    }

                    string? optionsType = null;
                    if (draft.QueryParameters.Count > 0)
                    {
                        optionsType = NameOptions(entity + draft.MethodName + "Options", node.Path.Replace(".", string.Empty) + draft.MethodName + "Options", draft);
                        if (optionsType is null)
                        {
                            continue;
                        }

                        units.Add(new QueryOptionsModel(
                            _options.Namespace,
                            optionsType,
                            draft.OperationId,
                            node.Path,
                            draft.MethodName,
                            draft.QueryParameters.ToEquatableArray(),
                            draft.Result.Kind == ResultKind.Paged));
                    }

                    foreach (var methodName in draft.EmittedMethodNames)
                    {
                        methodNames.Add(methodName);
                    }

                    operations.Add(new OperationModel(
                        draft.OperationId,
                        draft.MethodName,
                        draft.HttpMethod,
                        draft.Path.ToEquatableArray(),
                        draft.PathParameters.ToEquatableArray(),
                        optionsType,
                        draft.QueryParameters.Find(p => p.IsLimit)?.Type,
                        draft.QueryParameters.Exists(p => p.IsRequired),
                        draft.CursorParameter,
                        draft.Body,
                        draft.Result,
                        draft.Summary,
                        draft.Description,
                        draft.IsDeprecated));
                }

                var callbackModels = new List<CallbackModel>();
                foreach (var callback in node.Callbacks)
                {
                    if (!methodNames.Add(callback.EmittedMethodName))
                    {
                        _context.Report(DiagnosticDescriptors.NameClash, callback.Node, callback.EmittedMethodName, $"the callback '{callback.OperationId}'", $"another method of {node.TypeName}");
                        continue;
                    }

                    callbackModels.Add(callback.ToModel());
                }

                clients.Add(new ClientModel(
                    _options.Namespace,
                    node.TypeName,
                    node.Path,
                    _options.RootClientName,
                    Describe(node),
                    SubClients(node.Children),
                    operations.ToEquatableArray(),
                    callbackModels.ToEquatableArray()));
            }

            var roots = new List<ClientNode>();
            foreach (var node in order)
            {
                if (node.Parent is null)
                {
                    roots.Add(node);
                }
            }

            units.AddRange(clients);
            units.Add(new RootClientModel(_options.Namespace, _options.RootClientName, null, SubClients(roots)));
            return units;
        }

        /// <summary>The client of the operations tagged <paramref name="tag"/>: the shortest client path among them (the resource, not its logs).</summary>
        private static string[]? ClientOfTag(List<OperationDraft> drafts, string? tag)
        {
            string[]? best = null;
            foreach (var draft in drafts)
            {
                if (tag is not null && draft.Tag == tag && (best is null || draft.ClientPath.Length < best.Length))
                {
                    best = draft.ClientPath;
                }
            }

            return best;
        }

        private string? NameOptions(string preferred, string fallback, OperationDraft draft)
        {
            if (_registry.TryRegister(preferred, $"the query options of '{draft.OperationId}'", out var owner))
            {
                return preferred;
            }

            if (_registry.TryRegister(fallback, $"the query options of '{draft.OperationId}'", out _))
            {
                return fallback;
            }

            _context.Report(DiagnosticDescriptors.NameClash, draft.Node, preferred, $"the query options of '{draft.OperationId}'", owner);
            return null;
        }

        /// <summary>The resource a client serves, to name its options: the type its operations return, else its path singularized.</summary>
        private static string EntityName(ClientNode node)
        {
            foreach (var draft in node.Operations)
            {
                if (draft.EntityTypeName is string name)
                {
                    return name;
                }
            }

            return Naming.EntityName(node.Path.Split('.'));
        }

        private EquatableArray<SubClientModel> SubClients(List<ClientNode> nodes)
        {
            var result = new List<SubClientModel>();
            foreach (var child in nodes)
            {
                if (child.TypeName is not null)
                {
                    result.Add(new SubClientModel(child.PropertyName, child.TypeName, child.Path, Describe(child)));
                }
            }

            return result.ToEquatableArray();
        }

        private string? Describe(ClientNode node)
        {
            if (node.Parent is not null)
            {
                return null;
            }

            foreach (var draft in node.Operations)
            {
                if (draft.Tag is not null && _tagDescriptions.TryGetValue(draft.Tag, out var description))
                {
                    return description;
                }
            }

            foreach (var callback in node.Callbacks)
            {
                if (callback.Tag is not null && _tagDescriptions.TryGetValue(callback.Tag, out var description))
                {
                    return description;
                }
            }

            return null;
        }
    }
}
