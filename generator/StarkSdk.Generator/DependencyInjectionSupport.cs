using Microsoft.CodeAnalysis;

namespace StarkSdk.Generator
{
    /// <summary>
    /// Whether the consuming compilation can compile the generated dependency injection extensions: a project that uses
    /// the generated clients without Microsoft.Extensions.DependencyInjection, Http and Configuration (or with a
    /// StarkSdk.Core older than its <c>AddStarkClient</c>) gets no extensions rather than compile errors.
    /// </summary>
    internal static class DependencyInjectionSupport
    {
        private static readonly string[] RequiredTypes =
        {
            "Microsoft.Extensions.DependencyInjection.IServiceCollection",
            "Microsoft.Extensions.DependencyInjection.IHttpClientBuilder",
            "Microsoft.Extensions.Configuration.IConfiguration",
            "StarkSdk.Core.StarkServiceCollectionExtensions",
        };

        public static bool IsAvailable(Compilation compilation)
        {
            foreach (var name in RequiredTypes)
            {
                // Null also when two references define the type: the generated code could not name it either.
                var type = compilation.GetTypeByMetadataName(name);
                if (type is null || !compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
