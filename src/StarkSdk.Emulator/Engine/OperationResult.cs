using Newtonsoft.Json.Linq;

namespace StarkSdk.Emulator.Engine;

/// <summary>What an operation answers: JSON, or bytes of a content type.</summary>
public sealed class OperationResult
{
    private OperationResult(int status, JToken? json, byte[]? bytes, string contentType)
    {
        Status = status;
        Json = json;
        Bytes = bytes;
        ContentType = contentType;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The JSON body, if JSON.</summary>
    public JToken? Json { get; }

    /// <summary>The binary body, if binary.</summary>
    public byte[]? Bytes { get; }

    /// <summary>The Content-Type.</summary>
    public string ContentType { get; }

    /// <summary>A JSON answer.</summary>
    public static OperationResult Ok(JToken json, int status = 200) => new(status, json, null, "application/json");

    /// <summary>A binary answer.</summary>
    public static OperationResult File(byte[] bytes, string contentType) => new(200, null, bytes, contentType);

    /// <summary>An error envelope.</summary>
    public static OperationResult Error(ApiException error) => new(error.StatusCode, error.ToEnvelope(), null, "application/json");
}
