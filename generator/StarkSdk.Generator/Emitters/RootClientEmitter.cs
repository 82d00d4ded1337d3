using StarkSdk.Generator.Modeling;

namespace StarkSdk.Generator.Emitters
{
    /// <summary>
    /// Emits the generated part of the root client: one lazily created property per top-level client. The hand-written
    /// part declares the constructors and <c>internal StarkSdk.Core.StarkPipeline Pipeline { get; }</c>.
    /// </summary>
    internal static class RootClientEmitter
    {
        public static string Emit(RootClientModel model)
        {
            var writer = FileHeader.Begin(model.Namespace, usesDate: false);
            writer.Line($"public partial class {model.Name}");
            writer.Open();
            foreach (var client in model.Clients)
            {
                writer.Line($"private {client.TypeName}? _{ClientEmitter.Field(client.PropertyName)};");
            }

            ClientEmitter.EmitSubClientProperties(writer, model.Clients, "Pipeline");
            writer.Close();
            return FileHeader.End(writer);
        }
    }
}
