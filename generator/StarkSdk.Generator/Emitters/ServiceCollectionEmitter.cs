using StarkSdk.Generator.Modeling;

namespace StarkSdk.Generator.Emitters
{
    /// <summary>
    /// Emits <c>{Api}ServiceCollectionExtensions</c>: <c>AddStarkBank</c> and <c>AddKeyedStarkBank</c>, each in code and from
    /// configuration. They only name the API and the root client; the registration itself is
    /// <c>StarkSdk.Core.StarkServiceCollectionExtensions</c>, shared by every Stark API.
    /// </summary>
    internal static class ServiceCollectionEmitter
    {
        private const string Core = "global::StarkSdk.Core.";
        private const string DependencyInjection = "global::Microsoft.Extensions.DependencyInjection.";
        private const string Services = "this " + DependencyInjection + "IServiceCollection services";
        private const string Builder = DependencyInjection + "IHttpClientBuilder";
        private const string Configuration = "global::Microsoft.Extensions.Configuration.IConfiguration";
        private const string Configure = "global::System.Action<" + Core + "StarkClientOptions> configure";
        private const string OptionalConfigure = "global::System.Action<" + Core + "StarkClientOptions>? configure = null";
        private const string Registrations = Core + "StarkServiceCollectionExtensions";

        public static string Emit(ServiceCollectionModel model)
        {
            var client = model.RootClientName;
            var api = model.ApiName;
            var create = $"static (httpClient, options) => new {client}(httpClient, options)";
            var writer = FileHeader.Begin(model.Namespace, usesDate: false);
            writer.Line("/// <summary>");
            writer.Line($"/// Registers <see cref=\"{client}\"/> with dependency injection: a singleton over IHttpClientFactory, with the host's logging and");
            writer.Line($"/// metrics. Each method forwards to <see cref=\"{Registrations}\"/> in the runtime.");
            writer.Line("/// </summary>");
            writer.Line(FileHeader.GeneratedCodeAttribute);
            writer.Line($"public static class {model.Name}");
            writer.Open();
            writer.Line("/// <summary>The name of the options, of the HttpClient and of the configuration section of the default client.</summary>");
            writer.Line($"public const string Name = {TypeNames.Literal(api)};");
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line($"/// Registers <see cref=\"{client}\"/> (also keyed as <see cref=\"Name\"/>), configured in code, next to which the clients of");
            writer.Line("/// the other Stark APIs can be registered, each with its own user.");
            writer.Line("/// </summary>");
            writer.Line("/// <example>");
            writer.Line("/// <code>");
            writer.Line($"/// services.Add{api}(options =>");
            writer.Line("/// {");
            writer.Line("///     options.User = new Project(StarkEnvironment.Sandbox, projectId, PrivateKeySource.FromEnvironment(\"STARK_PRIVATE_KEY\"));");
            writer.Line("///     options.Language = \"pt-BR\";");
            writer.Line("/// });");
            writer.Line("/// </code>");
            writer.Line("/// </example>");
            writer.Line("/// <param name=\"services\">The service collection.</param>");
            writer.Line("/// <param name=\"configure\">Sets the user and the other client options.</param>");
            writer.Line("/// <returns>The HttpClient builder, to configure the primary handler or add handlers.</returns>");
            writer.Line($"public static {Builder} Add{api}({Services}, {Configure}) =>");
            writer.Indent();
            writer.Line($"{Registrations}.AddStarkClient(services, Name, configure, {create});");
            writer.Outdent();
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line($"/// Registers <see cref=\"{client}\"/> (also keyed as <see cref=\"Name\"/>) from the <c>\"{api}\"</c> section of");
            writer.Line($"/// <paramref name=\"configuration\"/> (see <see cref=\"{Core}StarkConfiguration\"/>), e.g. <c>builder.Configuration</c>.");
            writer.Line("/// </summary>");
            writer.Line("/// <param name=\"services\">The service collection.</param>");
            writer.Line("/// <param name=\"configuration\">The application's configuration.</param>");
            writer.Line("/// <param name=\"configure\">Adjusts the bound options, or null.</param>");
            writer.Line("/// <returns>The HttpClient builder.</returns>");
            writer.Line($"public static {Builder} Add{api}({Services}, {Configuration} configuration, {OptionalConfigure}) =>");
            writer.Indent();
            writer.Line($"{Registrations}.AddStarkClient(services, Name, (configuration ?? throw new global::System.ArgumentNullException(nameof(configuration))).GetSection(Name), {create}, configure);");
            writer.Outdent();
            writer.Line();
            writer.Line($"/// <summary>Registers one more <see cref=\"{client}\"/> as a keyed service (another project or workspace), configured in code.</summary>");
            writer.Line("/// <param name=\"services\">The service collection.</param>");
            writer.Line("/// <param name=\"key\">The service key, e.g. <c>\"acme\"</c>; resolve with <c>[FromKeyedServices(\"acme\")]</c>.</param>");
            writer.Line("/// <param name=\"configure\">Sets the user and the other client options.</param>");
            writer.Line("/// <returns>The HttpClient builder.</returns>");
            writer.Line($"public static {Builder} AddKeyed{api}({Services}, string key, {Configure}) =>");
            writer.Indent();
            writer.Line($"{Registrations}.AddKeyedStarkClient(services, key, configure, {create});");
            writer.Outdent();
            writer.Line();
            writer.Line($"/// <summary>Registers one more keyed <see cref=\"{client}\"/> from a configuration section, e.g. <c>configuration.GetSection(\"{api}:Acme\")</c>.</summary>");
            writer.Line("/// <param name=\"services\">The service collection.</param>");
            writer.Line("/// <param name=\"key\">The service key.</param>");
            writer.Line("/// <param name=\"section\">This client's section.</param>");
            writer.Line("/// <param name=\"configure\">Adjusts the bound options, or null.</param>");
            writer.Line("/// <returns>The HttpClient builder.</returns>");
            writer.Line($"public static {Builder} AddKeyed{api}({Services}, string key, {Configuration} section, {OptionalConfigure}) =>");
            writer.Indent();
            writer.Line($"{Registrations}.AddKeyedStarkClient(services, key, section, {create}, configure);");
            writer.Outdent();
            writer.Close();
            return FileHeader.End(writer);
        }
    }
}
