using System;

namespace StarkSdk.Infra;

/// <summary>
/// Creates the end-to-end id that identifies a Pix transaction from the participant that sends it (a
/// <see cref="PixRequest.EndToEndId"/>, the <c>endToEndId</c> of a Pix key look-up): <c>E</c>, the sender's 8-digit ISPB
/// (bank code), the UTC creation time as <c>yyyyMMddHHmm</c> and 11 random letters and digits, 32 characters in all, such
/// as <c>E20018183202201201450u34sDGd19lz</c>.
/// </summary>
public static class EndToEndId
{
    /// <summary>Creates a new end-to-end id for a Pix sent by the participant <paramref name="bankCode"/>.</summary>
    /// <param name="bankCode">Your ISPB: 8 digits, such as <c>"20018183"</c>.</param>
    /// <param name="clock">The current time (for tests); null uses the system clock. Its value is converted to UTC.</param>
    /// <returns>The id, e.g. <c>E20018183202201201450u34sDGd19lz</c>. The 11 random characters come from a cryptographic random generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bankCode"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="bankCode"/> is not 8 digits.</exception>
    public static string Create(string bankCode, Func<DateTimeOffset>? clock = null) => PixId.Create('E', bankCode, clock, nameof(bankCode));

    /// <summary>Whether <paramref name="id"/> has the end-to-end id format (<c>E</c> + 8 digits + <c>yyyyMMddHHmm</c> + 11 letters or digits).</summary>
    /// <param name="id">The id to check.</param>
    /// <returns>True when it has the format.</returns>
    public static bool IsValid(string? id) => PixId.IsValid(id, 'E');
}

/// <summary>
/// Creates the return id that identifies a Pix reversal (a <see cref="PixReversal.ReturnId"/>, the
/// <c>reversalReferenceId</c> of a Pix chargeback answer): <c>D</c>, the reverser's 8-digit ISPB (bank code), the UTC
/// creation time as <c>yyyyMMddHHmm</c> and 11 random letters and digits, 32 characters in all, such as
/// <c>D20018183202202030109X3OoBHG74wo</c>.
/// </summary>
public static class ReturnId
{
    /// <summary>Creates a new return id for a reversal made by the participant <paramref name="bankCode"/>.</summary>
    /// <param name="bankCode">Your ISPB: 8 digits, such as <c>"20018183"</c>.</param>
    /// <param name="clock">The current time (for tests); null uses the system clock. Its value is converted to UTC.</param>
    /// <returns>The id, e.g. <c>D20018183202202030109X3OoBHG74wo</c>. The 11 random characters come from a cryptographic random generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bankCode"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="bankCode"/> is not 8 digits.</exception>
    public static string Create(string bankCode, Func<DateTimeOffset>? clock = null) => PixId.Create('D', bankCode, clock, nameof(bankCode));

    /// <summary>Whether <paramref name="id"/> has the return id format (<c>D</c> + 8 digits + <c>yyyyMMddHHmm</c> + 11 letters or digits).</summary>
    /// <param name="id">The id to check.</param>
    /// <returns>True when it has the format.</returns>
    public static bool IsValid(string? id) => PixId.IsValid(id, 'D');
}
