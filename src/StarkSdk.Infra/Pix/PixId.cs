using System;
using System.Globalization;
using System.Security.Cryptography;

namespace StarkSdk.Infra;

/// <summary>
/// The Central Bank's Pix id format shared by <see cref="EndToEndId"/> and <see cref="ReturnId"/>: a letter, the
/// participant's 8-digit ISPB, the UTC time as <c>yyyyMMddHHmm</c> and 11 random letters and digits (32 characters).
/// </summary>
internal static class PixId
{
    public const int Length = 32;
    private const int RandomLength = 11;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // 248 = 4 * 62: bytes at or above it are drawn again, so every character is equally likely.
    private const int Unbiased = 248;

    public static string Create(char prefix, string bankCode, Func<DateTimeOffset>? clock, string parameterName)
    {
        ValidateBankCode(bankCode, parameterName);
        var now = (clock ?? (() => DateTimeOffset.UtcNow))().ToUniversalTime();
        var chars = new char[Length];
        chars[0] = prefix;
        bankCode.CopyTo(0, chars, 1, 8);
        now.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture).CopyTo(0, chars, 9, 12);
        FillRandom(chars, 21);
        return new string(chars);
    }

    /// <summary>Whether <paramref name="id"/> has the format (any valid time), with <paramref name="prefix"/> first.</summary>
    public static bool IsValid(string? id, char prefix)
    {
        if (id is null || id.Length != Length || id[0] != prefix)
        {
            return false;
        }

        for (var i = 1; i < 21; i++)
        {
            if (id[i] < '0' || id[i] > '9')
            {
                return false;
            }
        }

        if (!DateTime.TryParseExact(id.Substring(9, 12), "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return false;
        }

        for (var i = 21; i < Length; i++)
        {
            if (Alphabet.IndexOf(id[i]) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void ValidateBankCode(string bankCode, string parameterName)
    {
        if (bankCode is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        var valid = bankCode.Length == 8;
        foreach (var c in bankCode)
        {
            valid &= c >= '0' && c <= '9';
        }

        if (!valid)
        {
            throw new ArgumentException($"The bank code must be the participant's ISPB: 8 digits, such as \"20018183\" (got \"{bankCode}\").", parameterName);
        }
    }

    private static void FillRandom(char[] chars, int start)
    {
        var buffer = new byte[16];
        var position = start;
        using var random = RandomNumberGenerator.Create();
        while (position < chars.Length)
        {
            random.GetBytes(buffer);
            foreach (var b in buffer)
            {
                if (b < Unbiased && position < chars.Length)
                {
                    chars[position++] = Alphabet[b % Alphabet.Length];
                }
            }
        }
    }
}
