namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// The static factory of response objects for users' tests (<c>StarkBankModelFactory.Invoice(id: "1", status: "paid")</c>):
    /// one method per class, with an optional parameter for every property, server-set ones included.
    /// </summary>
    /// <param name="Models">Every generated class of the spec (the emitter walks base classes through them).</param>
    internal sealed record ModelFactoryModel(string Namespace, string Name, EquatableArray<ObjectTypeModel> Models) : GeneratedUnit(Namespace, Name)
    {
        /// <summary>
        /// What the factory needs of a class: descriptions and defaults dropped, so that editing a description re-emits
        /// the class alone and leaves the factory cached.
        /// </summary>
        public static ObjectTypeModel Shape(ObjectTypeModel model)
        {
            var properties = new System.Collections.Generic.List<PropertyModel>();
            foreach (var property in model.Properties)
            {
                properties.Add(property with { Description = null, DefaultValue = null });
            }

            return model with { Description = null, Properties = properties.ToEquatableArray() };
        }

        /// <summary><c>StarkBankClient</c> → <c>StarkBankModelFactory</c>.</summary>
        public static string NameFor(string rootClientName)
            => (rootClientName.EndsWith("Client", System.StringComparison.Ordinal) && rootClientName.Length > "Client".Length
                ? rootClientName.Substring(0, rootClientName.Length - "Client".Length)
                : rootClientName) + "ModelFactory";
    }
}
