using System;
using System.Collections.Generic;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>The C# type names taken in the generated namespace, and by what, to report clashes (STARK004).</summary>
    internal sealed class TypeRegistry
    {
        private readonly Dictionary<string, string> _owners = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Takes <paramref name="name"/> for <paramref name="owner"/>; false (and the current owner) when taken.</summary>
        public bool TryRegister(string name, string owner, out string existingOwner)
        {
            if (_owners.TryGetValue(name, out var current))
            {
                existingOwner = current;
                return false;
            }

            _owners[name] = owner;
            existingOwner = string.Empty;
            return true;
        }

        public bool Contains(string name) => _owners.ContainsKey(name);
    }
}
