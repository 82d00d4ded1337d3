namespace StarkSdk.Generator.Polyfills
{
    /// <summary>netstandard2.0 lacks System.HashCode: a small FNV-style combiner for the equatable models.</summary>
    internal static class HashCodeHelper
    {
        public static int Combine(int hash, int value)
        {
            unchecked
            {
                return (hash * -1521134295) + value;
            }
        }
    }
}
