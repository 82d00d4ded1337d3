using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;

namespace StarkSdk.Core;

/// <summary>The curve every Stark key lives on, built once: the custom (GLV-accelerated) implementation with its base point precomputed.</summary>
internal static class Secp256k1
{
    internal const string Name = "secp256k1";

    internal static readonly DerObjectIdentifier Oid = SecObjectIdentifiers.SecP256k1;

    internal static readonly X9ECParameters X9 = CustomNamedCurves.GetByOid(SecObjectIdentifiers.SecP256k1);

    internal static readonly ECDomainParameters Domain = new ECDomainParameters(X9.Curve, X9.G, X9.N, X9.H, X9.GetSeed());

    internal static readonly BigInteger N = X9.N;

    internal static readonly BigInteger HalfN = X9.N.ShiftRight(1);

    static Secp256k1()
    {
        // ECDsaSigner multiplies the base point with a fixed-point comb; building its table here moves that cost out of the first request.
        FixedPointUtilities.Precompute(Domain.G);
    }

    internal static ECPoint Multiply(BigInteger scalar) => new FixedPointCombMultiplier().Multiply(Domain.G, scalar).Normalize();

    /// <summary>True when the ASN.1 curve parameters (named OID or explicit) denote secp256k1.</summary>
    internal static bool IsSecp256k1(Asn1Encodable? parameters, out string curveDescription)
    {
        curveDescription = "unknown";
        if (parameters is null)
        {
            return false;
        }

        var obj = parameters.ToAsn1Object();
        if (obj is DerObjectIdentifier oid)
        {
            curveDescription = CurveName(oid);
            return oid.Equals(Oid);
        }

        if (obj is Asn1Sequence)
        {
            try
            {
                var explicitParams = X9ECParameters.GetInstance(obj);
                curveDescription = "explicit parameters";
                return explicitParams.Curve.Equals(X9.Curve) && explicitParams.G.Normalize().Equals(X9.G.Normalize()) && explicitParams.N.Equals(X9.N);
            }
            catch (System.Exception)
            {
                curveDescription = "malformed explicit parameters";
                return false;
            }
        }

        return false;
    }

    private static string CurveName(DerObjectIdentifier oid)
    {
        var name = ECNamedCurveTable.GetName(oid);
        return name is null ? "OID " + oid.Id : name + " (OID " + oid.Id + ")";
    }
}
