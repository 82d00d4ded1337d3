namespace StarkSdk.Core;

/// <summary>A body that is already JSON text, sent byte-for-byte as its UTF-8 encoding.</summary>
internal sealed class RawJson
{
    internal RawJson(string text) => Text = text;

    internal string Text { get; }
}
