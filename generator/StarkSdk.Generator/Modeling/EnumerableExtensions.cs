using System.Collections.Generic;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>The one LINQ operator modeling needs (the generator avoids System.Linq allocations on its hot path).</summary>
    internal static class EnumerableExtensions
    {
        public static T? FirstOrDefault<T>(this IEnumerable<T> items)
            where T : class
        {
            foreach (var item in items)
            {
                return item;
            }

            return null;
        }
    }
}
