namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// The dependency injection extensions of a root client generated whole: <c>StarkBankServiceCollectionExtensions</c>
    /// with <c>AddStarkBank</c>, <c>AddKeyedStarkBank</c> and the <c>Name</c> of the default registration.
    /// </summary>
    /// <param name="ApiName">x-stark-api: the suffix of the methods and the name of the default options, HttpClient and configuration section.</param>
    /// <param name="RootClientName">The client the methods register.</param>
    internal sealed record ServiceCollectionModel(string Namespace, string Name, string ApiName, string RootClientName) : GeneratedUnit(Namespace, Name)
    {
        /// <summary><c>StarkBank</c> → <c>StarkBankServiceCollectionExtensions</c>.</summary>
        public static string NameFor(string apiName) => apiName + "ServiceCollectionExtensions";

        /// <summary>
        /// The extensions of the spec's root client, or null when the root client is not generated whole: the methods call
        /// its <c>(HttpClient, StarkClientOptions)</c> constructor, which only the whole root client is sure to have.
        /// </summary>
        public static ServiceCollectionModel? For(SpecResult result)
        {
            foreach (var unit in result.Units)
            {
                if (unit is RootClientModel { Api: { } api } root && Naming.IsValidIdentifier(api.Name))
                {
                    return new ServiceCollectionModel(root.Namespace, NameFor(api.Name), api.Name, root.Name);
                }
            }

            return null;
        }
    }
}
