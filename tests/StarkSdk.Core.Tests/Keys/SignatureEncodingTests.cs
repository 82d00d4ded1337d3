using System;
using System.Text;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Keys;

/// <summary>The one DER rule (see EcdsaSignature): strict DER, high S accepted, r and s in [1, n-1].</summary>
public class SignatureEncodingTests
{
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("{\"event\":{\"id\":\"5\"}}");

    [Test]
    public void AcceptsStrictDerInLowAndHighSForms()
    {
        var signature = TestData.DocsKey.Sign(Message);
        Assert.That(TestData.DocsKey.PublicKey.Verify(Message, signature), Is.True);
        Assert.That(TestData.DocsKey.PublicKey.Verify(Message, SignatureMath.Malleate(signature)), Is.True);
        Assert.That(SignatureMath.Encode(SignatureMath.Decode(signature).R, SignatureMath.Decode(signature).S), Is.EqualTo(signature), "re-encoding is canonical");
    }

    [Test]
    public void RejectsNonMinimalDerOfAnOtherwiseValidSignature()
    {
        var der = Convert.FromBase64String(TestData.DocsKey.Sign(Message));

        // An extra leading 0x00 on r (BER-valid, not DER): starkbank-ecdsa tolerates it, this SDK does not.
        var padded = new byte[der.Length + 1];
        padded[0] = 0x30;
        padded[1] = (byte)(der[1] + 1);
        padded[2] = 0x02;
        padded[3] = (byte)(der[3] + 1);
        padded[4] = 0x00;
        Array.Copy(der, 4, padded, 5, der.Length - 4);
        Assert.That(TestData.DocsKey.PublicKey.Verify(Message, Convert.ToBase64String(padded)), Is.False, "padded r");

        // A long-form length where the short form fits.
        var longForm = new byte[der.Length + 1];
        longForm[0] = 0x30;
        longForm[1] = 0x81;
        Array.Copy(der, 1, longForm, 2, der.Length - 1);
        Assert.That(TestData.DocsKey.PublicKey.Verify(Message, Convert.ToBase64String(longForm)), Is.False, "long-form length");

        // Trailing bytes after the SEQUENCE.
        var trailing = new byte[der.Length + 1];
        Array.Copy(der, trailing, der.Length);
        Assert.That(TestData.DocsKey.PublicKey.Verify(Message, Convert.ToBase64String(trailing)), Is.False, "trailing byte");
    }

    [Test]
    public void RejectsOutOfRangeComponents()
    {
        var (r, s) = SignatureMath.Decode(TestData.DocsKey.Sign(Message));
        Assert.That(EcdsaSignature.TryDecode(SignatureMath.Encode(r, SignatureMath.N)), Is.Null, "s = n");
        Assert.That(EcdsaSignature.TryDecode(SignatureMath.Encode(SignatureMath.N, s)), Is.Null, "r = n");
        Assert.That(EcdsaSignature.TryDecode("MAYCAQACAQE="), Is.Null, "r = 0");
        Assert.That(EcdsaSignature.TryDecode("MAYCAQECAQE="), Is.Not.Null, "r = s = 1 is well-formed (and simply wrong)");
        Assert.That(TestData.DocsKey.PublicKey.Verify(Message, "MAYCAQECAQE="), Is.False);
    }
}
