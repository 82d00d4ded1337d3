using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StarkSdk.Generator.Diagnostics;
using StarkSdk.Generator.Modeling;
using StarkSdk.Generator.Parsing;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator
{
    /// <summary>One OpenAPI file → the models to emit and the diagnostics. Never throws.</summary>
    internal static class SpecReader
    {
        /// <summary>Reads an AdditionalText (its text is the only I/O the generator does).</summary>
        public static SpecResult Read(AdditionalText file, SpecOptions options, CancellationToken cancellationToken)
        {
            SourceText? text;
            try
            {
                text = file.GetText(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var context = new SpecContext(file.Path, SourceText.From(string.Empty));
                context.Report(DiagnosticDescriptors.ProcessingFailed, context.FileStart(), "the file could not be read: " + exception.Message);
                return Result(context, options, new List<GeneratedUnit>());
            }

            return Read(file.Path, text, options);
        }

        public static SpecResult Read(string path, SourceText? text, SpecOptions options)
        {
            var context = new SpecContext(path, text ?? SourceText.From(string.Empty));
            if (text is null)
            {
                context.Report(DiagnosticDescriptors.ProcessingFailed, context.FileStart(), "the file could not be read");
                return Result(context, options, new List<GeneratedUnit>());
            }

            try
            {
                return Result(context, options, ReadCore(context, options));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A bug of the generator must not crash the compiler or print a trace: report it on the file.
                context.Report(DiagnosticDescriptors.ProcessingFailed, context.FileStart(), exception.GetType().Name + ": " + exception.Message);
                return Result(context, options, new List<GeneratedUnit>());
            }
        }

        private static List<GeneratedUnit> ReadCore(SpecContext context, SpecOptions options)
        {
            var units = new List<GeneratedUnit>();
            if (!Naming.IsValidNamespace(options.Namespace))
            {
                context.Report(DiagnosticDescriptors.InvalidOption, context.FileStart(), "StarkNamespace", options.Namespace, "namespace");
                return units;
            }

            if (!Naming.IsValidIdentifier(options.RootClientName))
            {
                context.Report(DiagnosticDescriptors.InvalidOption, context.FileStart(), "StarkRootClient", options.RootClientName, "identifier");
                return units;
            }

            var root = YamlLoader.Load(context);
            if (root is null)
            {
                return units;
            }

            var version = root.GetString("openapi");
            if (version is null)
            {
                context.Report(DiagnosticDescriptors.InvalidSpec, root, "The file is not an OpenAPI document: it has no 'openapi' version field");
                return units;
            }

            if (!version.StartsWith("3.", StringComparison.Ordinal))
            {
                context.Report(DiagnosticDescriptors.UnsupportedConstruct, root.Get("openapi"), $"OpenAPI {version}", "the file is read as OpenAPI 3.1");
            }

            var catalog = new SchemaCatalog(context, new SpecDocument(context, root));
            Reachability.Mark(root, catalog);

            var api = ReadApi(context, root);
            var registry = new TypeRegistry();
            registry.TryRegister(options.RootClientName, "the root client", out _);
            if (api is not null && Naming.IsValidIdentifier(api.Name))
            {
                registry.TryRegister(ServiceCollectionModel.NameFor(api.Name), "the dependency injection extensions", out _);
            }

            var factoryName = ModelFactoryModel.NameFor(options.RootClientName);
            registry.TryRegister(factoryName, "the model factory", out _);
            var names = new SchemaTypeNames(context, catalog, registry);
            var builder = new ModelBuilder(context, options, catalog, names, new TypeMapper(context, catalog, names, registry));
            builder.BuildNamedSchemas();

            var identities = new OperationIdentityReader(context);
            var drafts = new OperationReader(context, catalog, builder, identities, root).Read();
            var callbacks = new CallbackReader(context, catalog, builder, identities, root).Read();
            var clients = new ClientTreeBuilder(context, options, registry, root).Build(drafts, callbacks);

            units.AddRange(builder.Models);
            var classes = new List<ObjectTypeModel>();
            foreach (var model in builder.Models)
            {
                if (model is ObjectTypeModel objectModel)
                {
                    classes.Add(ModelFactoryModel.Shape(objectModel));
                }
            }

            units.Add(new ModelFactoryModel(options.Namespace, factoryName, classes.ToEquatableArray()));
            foreach (var client in clients)
            {
                units.Add(client is RootClientModel rootClient && api is not null ? rootClient with { Api = api } : client);
            }

            return units;
        }

        /// <summary>
        /// The root-level <c>x-stark-api</c> and the servers marked <c>x-stark-environment</c>; null without
        /// <c>x-stark-api</c>, and null with STARK009 when the servers are not exactly one sandbox and one production
        /// with absolute http(s) URLs.
        /// </summary>
        private static RootApiModel? ReadApi(SpecContext context, YamlMappingNode root)
        {
            var name = root.GetString("x-stark-api");
            if (name is null)
            {
                return null;
            }

            // The root client stays usable; only the dependency injection extensions, named after the API, are left out.
            if (!Naming.IsValidIdentifier(name))
            {
                context.Report(DiagnosticDescriptors.InvalidSpec, root.Get("x-stark-api"), $"x-stark-api '{name}' is not a C# identifier; it names the dependency injection extensions (Add{name}), which are not generated");
            }

            var sandbox = ReadServer(context, root, name, "sandbox");
            var production = ReadServer(context, root, name, "production");
            var complete = true;
            foreach (var server in root.GetSequence("servers")?.Children ?? new List<YamlNode>())
            {
                if (server is YamlMappingNode map && map.Get("x-stark-environment") is { } environment)
                {
                    var value = environment is YamlScalarNode scalar && !scalar.IsNull() ? scalar.Value : null;
                    if (value != "sandbox" && value != "production")
                    {
                        var problem = value is null ? "A server's x-stark-environment has no value" : $"The x-stark-environment '{value}' of a server is neither sandbox nor production";
                        context.Report(DiagnosticDescriptors.ApiServers, environment, problem, name);
                        complete = false;
                    }
                }
            }

            var missing = new List<string>();
            if (sandbox.Missing)
            {
                missing.Add("sandbox");
            }

            if (production.Missing)
            {
                missing.Add("production");
            }

            if (missing.Count > 0)
            {
                var apiKey = root.GetKeyNode("x-stark-api")!;
                context.Report(DiagnosticDescriptors.ApiServers, context.Locate(apiKey.Start, root.Get("x-stark-api")!.End), $"No server is marked x-stark-environment: {string.Join(" or ", missing)}", name);
            }

            var title = (root.Get("info") as YamlMappingNode)?.GetString("title") ?? name;
            return complete && sandbox.Url is not null && production.Url is not null ? new RootApiModel(name, title, sandbox.Url, production.Url) : null;
        }

        /// <summary>
        /// The absolute http(s) URL of the one server marked <c>x-stark-environment: <paramref name="environment"/></c>;
        /// null, with STARK009 at the offending entry, when a second server has the mark or the URL is not absolute.
        /// </summary>
        private static (string? Url, bool Missing) ReadServer(SpecContext context, YamlMappingNode root, string apiName, string environment)
        {
            YamlMappingNode? first = null;
            string? url = null;
            foreach (var server in root.GetSequence("servers")?.Children ?? new List<YamlNode>())
            {
                if (server is not YamlMappingNode map || map.GetString("x-stark-environment") != environment)
                {
                    continue;
                }

                if (first is not null)
                {
                    context.Report(DiagnosticDescriptors.ApiServers, map.Get("x-stark-environment"), $"A second server is marked x-stark-environment: {environment} (the first is on line {first.Start.Line})", apiName);
                    url = null;
                    continue;
                }

                first = map;
                var value = map.GetString("url");
                if (value is null)
                {
                    context.Report(DiagnosticDescriptors.ApiServers, map, $"The {environment} server has no url", apiName);
                }
                else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
                {
                    context.Report(DiagnosticDescriptors.ApiServers, map.Get("url"), $"The url '{value}' of the {environment} server is not an absolute http(s) URL", apiName);
                }
                else
                {
                    url = value;
                }
            }

            return (url, first is null);
        }

        private static SpecResult Result(SpecContext context, SpecOptions options, List<GeneratedUnit> units)
            => new SpecResult(context.Path, options.Namespace, units.ToEquatableArray(), new EquatableArray<DiagnosticInfo>(new List<DiagnosticInfo>(context.Diagnostics)));
    }
}
