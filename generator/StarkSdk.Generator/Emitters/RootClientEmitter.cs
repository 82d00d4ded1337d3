using StarkSdk.Generator.Modeling;

namespace StarkSdk.Generator.Emitters
{
    /// <summary>
    /// Emits the root client: one lazily created property per top-level client and, when the spec names its API
    /// (<c>x-stark-api</c>) and marks its servers (<c>x-stark-environment</c>), the whole class: constructors, the
    /// <c>ApiDescriptor</c> with the sandbox and production URLs, raw requests and the pipeline. Without them, a
    /// hand-written part declares the constructors and <c>internal StarkSdk.Core.StarkPipeline Pipeline { get; }</c>.
    /// </summary>
    internal static class RootClientEmitter
    {
        private const string Core = "global::StarkSdk.Core.";

        public static string Emit(RootClientModel model)
        {
            var writer = FileHeader.Begin(model.Namespace, usesDate: false);
            if (model.Api is not null)
            {
                writer.Line("/// <summary>");
                writer.Line($"/// The {DocComments.Escape(model.Api.Title)} client: one property per resource, each with the async methods of its");
                writer.Line("/// operations (and the verification of the signed callbacks the API sends). Thread-safe; create one and reuse it.");
                writer.Line("/// </summary>");
                writer.Line(FileHeader.GeneratedCodeAttribute);
            }

            writer.Line($"public partial class {model.Name}");
            writer.Open();
            foreach (var client in model.Clients)
            {
                writer.Line($"private {client.TypeName}? _{ClientEmitter.Field(client.PropertyName)};");
            }

            if (model.Api is not null)
            {
                EmitApi(writer, model.Name, model.Api);
            }

            ClientEmitter.EmitSubClientProperties(writer, model.Clients, "Pipeline");
            writer.Close();
            return FileHeader.End(writer);
        }

        private static void EmitApi(SourceWriter writer, string name, RootApiModel api)
        {
            writer.Line();
            writer.Line("/// <summary>Creates a client that signs every request as <paramref name=\"user\"/>.</summary>");
            writer.Line("/// <param name=\"user\">The project or organization the requests are made as.</param>");
            writer.Line($"public {name}({Core}User user)");
            writer.Indent();
            writer.Line($": this(new {Core}StarkClientOptions {{ User = user ?? throw new global::System.ArgumentNullException(nameof(user)) }})");
            writer.Outdent();
            writer.Open();
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>Creates a client with the given options, over the SDK's shared HttpClient.</summary>");
            writer.Line("/// <param name=\"options\">The user, environment URL, language, timeout, retries and logging.</param>");
            writer.Line($"public {name}({Core}StarkClientOptions options)");
            writer.Open();
            writer.Line($"Pipeline = {Core}StarkPipeline.Create(Api, options ?? throw new global::System.ArgumentNullException(nameof(options)));");
            writer.Line($"Request = new {Core}RawRequests(Pipeline);");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// Creates a client over an HttpClient that already carries the Stark handlers (see");
            writer.Line($"/// <see cref=\"{Core}StarkHttpClientBuilderExtensions.AddStarkHandlers\"/>), as the SDK's dependency injection does.");
            writer.Line("/// </summary>");
            writer.Line("/// <param name=\"httpClient\">The HttpClient, e.g. from IHttpClientFactory.</param>");
            writer.Line("/// <param name=\"options\">The user, environment URL, language, timeout, retries and logging.</param>");
            writer.Line($"public {name}(global::System.Net.Http.HttpClient httpClient, {Core}StarkClientOptions options)");
            writer.Open();
            writer.Line($"Pipeline = new {Core}StarkPipeline(");
            writer.Indent();
            writer.Line("httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient)),");
            writer.Line("Api,");
            writer.Line("options ?? throw new global::System.ArgumentNullException(nameof(options)));");
            writer.Outdent();
            writer.Line($"Request = new {Core}RawRequests(Pipeline);");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>For mocking frameworks: a client whose members are all overridden.</summary>");
            writer.Line($"protected {name}()");
            writer.Open();
            writer.Line("Pipeline = null!;");
            writer.Line("Request = null!;");
            writer.Close();
            writer.Line();
            writer.Line($"/// <summary>The {DocComments.Escape(api.Title)}: its name, sandbox and production URLs (the spec's <c>servers</c>), version and this SDK's version.</summary>");
            writer.Line($"public static {Core}ApiDescriptor Api {{ get; }} = new {Core}ApiDescriptor(");
            writer.Indent();
            writer.Line(TypeNames.Literal(api.Name) + ",");
            writer.Line($"new global::System.Uri({TypeNames.Literal(api.SandboxUrl)}),");
            writer.Line($"new global::System.Uri({TypeNames.Literal(api.ProductionUrl)}),");
            writer.Line($"{Core}ApiDescriptor.VersionOf(typeof({name}).Assembly));");
            writer.Outdent();
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// Raw requests to any path of the API (<c>client.Request.GetAsync(\"path\", ...)</c>), signed like every other");
            writer.Line("/// call, for endpoints this SDK does not type yet.");
            writer.Line("/// </summary>");
            writer.Line($"public virtual {Core}RawRequests Request {{ get; }}");
            writer.Line();
            writer.Line("/// <summary>The pipeline every generated client sends its requests through.</summary>");
            writer.Line($"internal {Core}StarkPipeline Pipeline {{ get; }}");
        }
    }
}
