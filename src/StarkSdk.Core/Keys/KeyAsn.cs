using System;
using System.Formats.Asn1;

namespace StarkSdk.Core;

/// <summary>
/// The ASN.1 key structures Stark keys come in: SubjectPublicKeyInfo (RFC 5480), SEC1 ECPrivateKey (RFC 5915), PKCS#8
/// PrivateKeyInfo (RFC 5208) and SEC1 ECParameters (a named curve or explicit parameters). Read leniently as BER, as
/// OpenSSL does; written as DER. Every failure is an <see cref="InvalidKeyException"/> naming the structure, never its bytes.
/// </summary>
internal static class KeyAsn
{
    private const string ParamName = "pem";

    private static readonly Asn1Tag Context0 = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);

    private static readonly Asn1Tag Context1 = new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true);

    /// <summary>The parts of an EC private key that matter: the secret, and the public point and curve when present.</summary>
    internal sealed class EcPrivateKey
    {
        internal EcPrivateKey(byte[] secret, byte[]? publicPoint, ReadOnlyMemory<byte>? curve)
        {
            Secret = secret;
            PublicPoint = publicPoint;
            Curve = curve;
        }

        /// <summary>The secret as the big-endian octets found (any length; the range is checked later).</summary>
        internal byte[] Secret { get; }

        internal byte[]? PublicPoint { get; }

        /// <summary>The encoded ECParameters, when the key names its curve.</summary>
        internal ReadOnlyMemory<byte>? Curve { get; }
    }

    /// <summary>Reads SubjectPublicKeyInfo; returns the encoded point after checking the algorithm and the curve.</summary>
    internal static byte[] ReadSubjectPublicKeyInfo(byte[] der, string paramName)
    {
        string algorithm;
        ReadOnlyMemory<byte>? parameters;
        byte[] point;
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.BER);
            var info = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            (algorithm, parameters) = ReadAlgorithmIdentifier(info);
            point = info.ReadBitString(out _);
            info.ThrowIfNotEmpty();
        }
        catch (Exception e) when (IsAsnFailure(e))
        {
            throw new InvalidKeyException("The 'PUBLIC KEY' block is not a valid SubjectPublicKeyInfo.", paramName);
        }

        if (algorithm != Secp256k1.EcPublicKeyOid)
        {
            throw new InvalidKeyException($"The public key is not an EC key (algorithm OID {algorithm}); Stark uses ECDSA secp256k1.", paramName);
        }

        RequireSecp256k1(parameters);
        return point;
    }

    /// <summary>Reads a SEC1 ECPrivateKey (the 'EC PRIVATE KEY' block, or the inside of PKCS#8).</summary>
    internal static EcPrivateKey ReadSec1(ReadOnlyMemory<byte> der, string label)
    {
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.BER);
            var sequence = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            sequence.ReadIntegerBytes();
            var secret = sequence.ReadOctetString();
            ReadOnlyMemory<byte>? curve = null;
            byte[]? publicPoint = null;
            while (sequence.HasData)
            {
                var tag = sequence.PeekTag();
                if (tag.HasSameClassAndValue(Context0))
                {
                    var explicitReader = sequence.ReadSequence(Context0);
                    curve = explicitReader.ReadEncodedValue();
                    explicitReader.ThrowIfNotEmpty();
                }
                else if (tag.HasSameClassAndValue(Context1))
                {
                    var explicitReader = sequence.ReadSequence(Context1);
                    publicPoint = explicitReader.ReadBitString(out _);
                    explicitReader.ThrowIfNotEmpty();
                }
                else
                {
                    // Unknown extensions are skipped, as OpenSSL does.
                    sequence.ReadEncodedValue();
                }
            }

            return new EcPrivateKey(secret, publicPoint, curve);
        }
        catch (Exception e) when (IsAsnFailure(e))
        {
            throw new InvalidKeyException($"The '{label}' block is not a valid SEC1 EC private key.", ParamName);
        }
    }

    /// <summary>Reads PKCS#8 PrivateKeyInfo holding an EC key; checks the algorithm and the curve it names.</summary>
    internal static EcPrivateKey ReadPkcs8(byte[] der)
    {
        string algorithm;
        ReadOnlyMemory<byte>? parameters;
        ReadOnlyMemory<byte> inner;
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.BER);
            var info = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            info.ReadIntegerBytes();
            (algorithm, parameters) = ReadAlgorithmIdentifier(info);
            inner = info.ReadOctetString();

            // Then optional [0] attributes and [1] public key (PKCS#8 v2): not needed, the SEC1 inside has what matters.
        }
        catch (Exception e) when (IsAsnFailure(e))
        {
            throw new InvalidKeyException("The 'PRIVATE KEY' block is not a valid PKCS#8 private key.", ParamName);
        }

        if (algorithm != Secp256k1.EcPublicKeyOid)
        {
            throw new InvalidKeyException($"The 'PRIVATE KEY' block holds a non-EC key (algorithm OID {algorithm}); Stark requires an ECDSA secp256k1 key.", ParamName);
        }

        RequireSecp256k1(parameters);
        return ReadSec1(inner, "PRIVATE KEY");
    }

    /// <summary>Reads the 'EC PARAMETERS' block and checks it names secp256k1.</summary>
    internal static void RequireSecp256k1Block(byte[] der)
    {
        ReadOnlyMemory<byte> parameters;
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.BER);
            parameters = reader.ReadEncodedValue();
            reader.ThrowIfNotEmpty();
        }
        catch (Exception e) when (IsAsnFailure(e))
        {
            throw new InvalidKeyException("The PEM block 'EC PARAMETERS' is not valid DER.", ParamName);
        }

        RequireSecp256k1(parameters);
    }

    /// <summary>Checks encoded ECParameters (a named curve or explicit parameters) denote secp256k1.</summary>
    internal static void RequireSecp256k1(ReadOnlyMemory<byte>? parameters)
    {
        if (parameters is null || IsNull(parameters.Value))
        {
            throw new InvalidKeyException("The key does not name its curve; Stark requires secp256k1.", ParamName);
        }

        if (!IsSecp256k1(parameters.Value, out var description))
        {
            throw new InvalidKeyException($"The key is on curve {description}, but Stark requires secp256k1 (OID {Secp256k1.Oid}). Create one with Key.Create() or 'openssl ecparam -name secp256k1 -genkey'.", ParamName);
        }
    }

    /// <summary>SubjectPublicKeyInfo of a secp256k1 key, naming the curve, with the uncompressed point.</summary>
    internal static byte[] WriteSubjectPublicKeyInfo(ReadOnlySpan<byte> uncompressed65)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Secp256k1.EcPublicKeyOid);
                writer.WriteObjectIdentifier(Secp256k1.Oid);
            }

            writer.WriteBitString(uncompressed65);
        }

        return writer.Encode();
    }

    /// <summary>SEC1 ECPrivateKey (version 1, 32-byte secret, named curve, uncompressed public point), as OpenSSL writes it.</summary>
    internal static byte[] WriteSec1(ReadOnlySpan<byte> secret32, ReadOnlySpan<byte> uncompressed65)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteOctetString(secret32);
            using (writer.PushSequence(Context0))
            {
                writer.WriteObjectIdentifier(Secp256k1.Oid);
            }

            using (writer.PushSequence(Context1))
            {
                writer.WriteBitString(uncompressed65);
            }
        }

        return writer.Encode();
    }

    private static (string Algorithm, ReadOnlyMemory<byte>? Parameters) ReadAlgorithmIdentifier(AsnReader outer)
    {
        var identifier = outer.ReadSequence();
        var algorithm = identifier.ReadObjectIdentifier();
        ReadOnlyMemory<byte>? parameters = identifier.HasData ? identifier.ReadEncodedValue() : (ReadOnlyMemory<byte>?)null;
        identifier.ThrowIfNotEmpty();
        return (algorithm, parameters);
    }

    private static bool IsNull(ReadOnlyMemory<byte> encoded) => encoded.Length >= 1 && encoded.Span[0] == 0x05;

    private static bool IsSecp256k1(ReadOnlyMemory<byte> parameters, out string description)
    {
        description = "unknown";
        try
        {
            var reader = new AsnReader(parameters, AsnEncodingRules.BER);
            var tag = reader.PeekTag();
            if (tag.HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
            {
                var oid = reader.ReadObjectIdentifier();
                description = CurveName(oid);
                return oid == Secp256k1.Oid;
            }

            if (tag.HasSameClassAndValue(Asn1Tag.Sequence))
            {
                description = "explicit parameters";
                return IsExplicitSecp256k1(reader.ReadSequence());
            }

            return false;
        }
        catch (Exception e) when (IsAsnFailure(e))
        {
            description = "malformed explicit parameters";
            return false;
        }
    }

    /// <summary>SEC1 SpecifiedECDomain: version, prime field p, curve a and b (seed ignored), base point G, order n, cofactor.</summary>
    private static bool IsExplicitSecp256k1(AsnReader domain)
    {
        domain.ReadIntegerBytes();
        var field = domain.ReadSequence();
        if (field.ReadObjectIdentifier() != Secp256k1.PrimeFieldOid)
        {
            return false;
        }

        var p = field.ReadIntegerBytes();
        var curve = domain.ReadSequence();
        var a = curve.ReadOctetString();
        var b = curve.ReadOctetString();
        var basePoint = domain.ReadOctetString();
        var n = domain.ReadIntegerBytes();
        if (Secp256k1.Compare(p.Span, Secp256k1.P) != 0
            || Secp256k1.Compare(a, ReadOnlySpan<byte>.Empty) != 0
            || Secp256k1.Compare(b, Secp256k1.B) != 0
            || Secp256k1.Compare(n.Span, Secp256k1.N) != 0)
        {
            return false;
        }

        // G may be written compressed; compare the uncompressed form.
        Span<byte> g = stackalloc byte[65];
        return Secp256k1Provider.Backend.TryParsePublicKey(basePoint, g) != null && g.SequenceEqual(Secp256k1.G);
    }

    private static string CurveName(string oid)
    {
        string? name;
        switch (oid)
        {
            case "1.2.840.10045.3.1.7": name = "P-256 (secp256r1)"; break;
            case "1.3.132.0.34": name = "P-384 (secp384r1)"; break;
            case "1.3.132.0.35": name = "P-521 (secp521r1)"; break;
            case "1.3.132.0.33": name = "P-224 (secp224r1)"; break;
            case "1.2.840.10045.3.1.1": name = "P-192 (secp192r1)"; break;
            case "1.3.36.3.3.2.8.1.1.7": name = "brainpoolP256r1"; break;
            case Secp256k1.Oid: name = Secp256k1.Name; break;
            default: name = null; break;
        }

        return name is null ? "OID " + oid : name + " (OID " + oid + ")";
    }

    private static bool IsAsnFailure(Exception e) => e is AsnContentException || (e is ArgumentException && !(e is InvalidKeyException)) || e is InvalidOperationException || e is OverflowException;
}
