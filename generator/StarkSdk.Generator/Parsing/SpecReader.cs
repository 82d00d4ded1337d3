using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StarkSdk.Generator.Diagnostics;
using StarkSdk.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Parsing
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
                var context = new SpecContext(file.Path, SourceText.From(string.Empty), options);
                context.Report(DiagnosticDescriptors.ProcessingFailed, context.FileStart(), "the file could not be read: " + exception.Message);
                return Result(context, new List<GeneratedUnit>());
            }

            return Read(file.Path, text, options);
        }

        public static SpecResult Read(string path, SourceText? text, SpecOptions options)
        {
            var context = new SpecContext(path, text ?? SourceText.From(string.Empty), options);
            if (text is null)
            {
                context.Report(DiagnosticDescriptors.ProcessingFailed, context.FileStart(), "the file could not be read");
                return Result(context, new List<GeneratedUnit>());
            }

            try
            {
                return Result(context, ReadCore(context));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A bug of the generator must not crash the compiler or print a trace: report it on the file.
                context.Report(DiagnosticDescriptors.ProcessingFailed, context.FileStart(), exception.GetType().Name + ": " + exception.Message);
                return Result(context, new List<GeneratedUnit>());
            }
        }

        private static List<GeneratedUnit> ReadCore(SpecContext context)
        {
            var units = new List<GeneratedUnit>();
            if (!Naming.IsValidNamespace(context.Options.Namespace))
            {
                context.Report(DiagnosticDescriptors.InvalidOption, context.FileStart(), "StarkNamespace", context.Options.Namespace, "namespace");
                return units;
            }

            if (!Naming.IsValidIdentifier(context.Options.RootClientName))
            {
                context.Report(DiagnosticDescriptors.InvalidOption, context.FileStart(), "StarkRootClient", context.Options.RootClientName, "identifier");
                return units;
            }

            var root = Load(context);
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

            var catalog = new SchemaCatalog(context, root);
            OperationReader.MarkReachable(root, catalog);
            catalog.MarkUnreferencedSchemasReachable();

            var registry = new TypeRegistry();
            registry.TryRegister(context.Options.RootClientName, "the root client", out _);
            var factoryName = ModelFactoryModel.NameFor(context.Options.RootClientName);
            registry.TryRegister(factoryName, "the model factory", out _);
            var builder = new ModelBuilder(context, catalog, registry);
            builder.RegisterNamedSchemas();
            builder.BuildNamedSchemas();

            var reader = new OperationReader(context, catalog, builder.Mapper, root);
            var drafts = reader.Read();
            var callbacks = reader.ReadCallbacks();
            var clients = new ClientTreeBuilder(context, registry, root).Build(drafts, callbacks);

            units.AddRange(builder.Models);
            var classes = new List<ObjectTypeModel>();
            foreach (var model in builder.Models)
            {
                if (model is ObjectTypeModel objectModel)
                {
                    classes.Add(ModelFactoryModel.Shape(objectModel));
                }
            }

            units.Add(new ModelFactoryModel(context.Options.Namespace, factoryName, classes.ToEquatableArray()));
            var api = ReadApi(root);
            foreach (var client in clients)
            {
                units.Add(client is RootClientModel rootClient && api is not null ? rootClient with { Api = api } : client);
            }

            return units;
        }

        /// <summary>The root-level <c>x-stark-api</c> and the servers marked <c>x-stark-environment</c>; null without them.</summary>
        private static RootApiModel? ReadApi(YamlMappingNode root)
        {
            var name = root.GetString("x-stark-api");
            if (name is null)
            {
                return null;
            }

            string? sandbox = null;
            string? production = null;
            foreach (var server in root.GetSequence("servers")?.Children ?? new List<YamlNode>())
            {
                if (server is YamlMappingNode map)
                {
                    switch (map.GetString("x-stark-environment"))
                    {
                        case "sandbox":
                            sandbox = map.GetString("url");
                            break;
                        case "production":
                            production = map.GetString("url");
                            break;
                    }
                }
            }

            var title = (root.Get("info") as YamlMappingNode)?.GetString("title") ?? name;
            return sandbox is null || production is null ? null : new RootApiModel(name, title, sandbox, production);
        }

        private static YamlMappingNode? Load(SpecContext context)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(context.Text.ToString()));
            }
            catch (YamlException exception)
            {
                context.Report(DiagnosticDescriptors.MalformedYaml, context.Locate(exception.Start, exception.End), Message(exception));
                return null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // YamlDotNet throws a few non-YAML exceptions on some malformed inputs.
                context.Report(DiagnosticDescriptors.MalformedYaml, context.FileStart(), exception.Message);
                return null;
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                context.Report(DiagnosticDescriptors.InvalidSpec, stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, "The file is not an OpenAPI document: its root must be a mapping");
                return null;
            }

            return root;
        }

        /// <summary>YamlDotNet prefixes messages with the position ("(Line: 3, Col: 5, ...): "); the location says it already.</summary>
        private static string Message(YamlException exception)
        {
            var message = exception.InnerException is YamlException inner && !string.IsNullOrEmpty(inner.Message) ? inner.Message : exception.Message;
            if (message.StartsWith("(Line:", StringComparison.Ordinal))
            {
                var end = message.IndexOf("): ", StringComparison.Ordinal);
                if (end > 0)
                {
                    message = message.Substring(end + 3);
                }
            }

            return message.Trim();
        }

        private static SpecResult Result(SpecContext context, List<GeneratedUnit> units)
            => new SpecResult(context.Path, context.Options.Namespace, units.ToEquatableArray(), new EquatableArray<DiagnosticInfo>(new List<DiagnosticInfo>(context.Diagnostics)));
    }
}
