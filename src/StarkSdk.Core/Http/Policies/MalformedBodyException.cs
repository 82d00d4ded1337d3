using System.IO;

namespace StarkSdk.Core;

/// <summary>A 2xx body that is empty or not well-formed JSON: an I/O fault to the retry policy, <see cref="Error"/> to the caller.</summary>
internal sealed class MalformedBodyException : IOException
{
    internal MalformedBodyException(UnknownError error)
        : base(error.Message, error)
    {
        Error = error;
    }

    internal UnknownError Error { get; }
}
