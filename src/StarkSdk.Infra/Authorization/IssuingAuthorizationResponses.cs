using System;
using System.Collections.Generic;

namespace StarkSdk.Infra;

/// <summary>
/// The answer to a card purchase authorization (<see cref="IssuingPurchasesClient.ParseAsync"/>): build it with
/// <see cref="Approve"/> or <see cref="Deny"/> and send <see cref="ToJson"/> as the HTTP 200 body.
/// </summary>
/// <remarks>
/// Stark Infra waits <see cref="Deadline"/> (2 seconds) for the answer: a purchase not approved or denied in time is
/// denied. These helpers do no I/O.
/// </remarks>
public partial class IssuingPurchaseAuthorizationResponse
{
    /// <summary>How long Stark Infra waits for the answer (2 seconds); without an answer in time the purchase is denied.</summary>
    public static TimeSpan Deadline { get; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Approves the purchase: <c>{"authorization": {"status": "approved", "amount": 10000, "tags": [...]}}</c>. Answer within
    /// 2 seconds (<see cref="Deadline"/>).
    /// </summary>
    /// <param name="amount">The amount approved in cents, usually the request's <see cref="IssuingPurchaseAuthorizationRequest.Amount"/>; less is a partial approval (when the request allows it).</param>
    /// <param name="tags">Tags to add to the purchase (your own purchase id, ...), or null.</param>
    /// <returns>The answer.</returns>
    public static IssuingPurchaseAuthorizationResponse Approve(long amount, IEnumerable<string>? tags = null)
    {
        if (amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The approved amount must not be negative.");
        }

        return new()
        {
            Authorization = new IssuingPurchaseAuthorization { Status = IssuingPurchaseAuthorizationStatus.Approved, Amount = amount, Tags = AnswerJson.Tags(tags) },
        };
    }

    /// <summary>
    /// Denies the purchase: <c>{"authorization": {"status": "denied", "reason": "other", "tags": [...]}}</c>. Answer within
    /// 2 seconds (<see cref="Deadline"/>).
    /// </summary>
    /// <param name="reason">Why, e.g. <see cref="IssuingPurchaseAuthorizationReason.Other"/> or <see cref="IssuingPurchaseAuthorizationReason.InsufficientBalance"/>.</param>
    /// <param name="tags">Tags to add to the purchase, or null.</param>
    /// <returns>The answer.</returns>
    public static IssuingPurchaseAuthorizationResponse Deny(IssuingPurchaseAuthorizationReason reason, IEnumerable<string>? tags = null)
    {
        AnswerJson.RequireReason(reason.Value);
        return new()
        {
            Authorization = new IssuingPurchaseAuthorization { Status = IssuingPurchaseAuthorizationStatus.Denied, Reason = reason, Tags = AnswerJson.Tags(tags) },
        };
    }

    /// <summary>The answer as the JSON body of your HTTP 200 response (content type <c>application/json</c>).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => AnswerJson.Serialize(this);
}

/// <summary>
/// The answer to a card tokenization request from a wallet (<see cref="IssuingTokensClient.ParseAuthorizationAsync"/>):
/// build it with <see cref="Approve"/> or <see cref="Deny"/> and send <see cref="ToJson"/> as the HTTP 200 body.
/// </summary>
/// <remarks>
/// Stark Infra waits <see cref="Deadline"/> (2 seconds) for the answer: a token not approved or denied in time is
/// denied. These helpers do no I/O.
/// </remarks>
public partial class IssuingTokenAuthorizationResponse
{
    /// <summary>How long Stark Infra waits for the answer (2 seconds); without an answer in time the token is denied.</summary>
    public static TimeSpan Deadline { get; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Approves the token: <c>{"authorization": {"status": "approved", "activationMethods": [...], "designId": ..., "tags": [...]}}</c>.
    /// Answer within 2 seconds (<see cref="Deadline"/>).
    /// </summary>
    /// <param name="activationMethods">How the cardholder may receive the activation code (an app, a masked phone number), or null.</param>
    /// <param name="designId">The token design (card art) the wallet shows, or null.</param>
    /// <param name="tags">Tags to store on the token, or null.</param>
    /// <returns>The answer.</returns>
    public static IssuingTokenAuthorizationResponse Approve(IEnumerable<IssuingTokenActivationMethod>? activationMethods = null, string? designId = null, IEnumerable<string>? tags = null)
    {
        List<IssuingTokenActivationMethod>? methods = null;
        if (activationMethods is not null)
        {
            methods = new List<IssuingTokenActivationMethod>();
            foreach (var method in activationMethods)
            {
                methods.Add(method ?? throw new ArgumentException("An activation method must not be null.", nameof(activationMethods)));
            }
        }

        return new()
        {
            Authorization = new IssuingTokenAuthorizationDecision
            {
                Status = IssuingTokenAuthorizationStatus.Approved,
                ActivationMethods = methods,
                DesignId = designId,
                Tags = AnswerJson.Tags(tags),
            },
        };
    }

    /// <summary>
    /// Denies the token: <c>{"authorization": {"status": "denied", "reason": "other"}}</c>. Answer within 2 seconds
    /// (<see cref="Deadline"/>).
    /// </summary>
    /// <param name="reason">Why, e.g. <c>"other"</c>.</param>
    /// <param name="tags">Tags to store on the token, or null.</param>
    /// <returns>The answer.</returns>
    public static IssuingTokenAuthorizationResponse Deny(string reason, IEnumerable<string>? tags = null) => new()
    {
        Authorization = new IssuingTokenAuthorizationDecision
        {
            Status = IssuingTokenAuthorizationStatus.Denied,
            Reason = AnswerJson.RequireReason(reason),
            Tags = AnswerJson.Tags(tags),
        },
    };

    /// <summary>The answer as the JSON body of your HTTP 200 response (content type <c>application/json</c>).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => AnswerJson.Serialize(this);
}

/// <summary>
/// The answer to a token activation-code check (<see cref="IssuingTokensClient.ParseActivationAsync"/>): approve when the
/// code the cardholder typed is the one you sent. Send <see cref="ToJson"/> as the HTTP 200 body.
/// </summary>
/// <remarks>
/// The README gives no deadline for this check; answer as promptly as a token authorization (<see cref="Deadline"/>,
/// 2 seconds). These helpers do no I/O.
/// </remarks>
public partial class IssuingTokenActivationResponse
{
    /// <summary>The time to answer within: 2 seconds, the token authorization deadline (the README states none for activations).</summary>
    public static TimeSpan Deadline { get; } = TimeSpan.FromSeconds(2);

    /// <summary>Approves the activation code: <c>{"authorization": {"status": "approved", "tags": [...]}}</c>.</summary>
    /// <param name="tags">Tags to store on the token, or null.</param>
    /// <returns>The answer.</returns>
    public static IssuingTokenActivationResponse Approve(IEnumerable<string>? tags = null) => new()
    {
        Authorization = new IssuingTokenActivationDecision { Status = IssuingTokenAuthorizationStatus.Approved, Tags = AnswerJson.Tags(tags) },
    };

    /// <summary>Denies the activation code: <c>{"authorization": {"status": "denied", "reason": "other", "tags": [...]}}</c>.</summary>
    /// <param name="reason">Why, e.g. <c>"other"</c>.</param>
    /// <param name="tags">Tags to store on the token, or null.</param>
    /// <returns>The answer.</returns>
    public static IssuingTokenActivationResponse Deny(string reason, IEnumerable<string>? tags = null) => new()
    {
        Authorization = new IssuingTokenActivationDecision
        {
            Status = IssuingTokenAuthorizationStatus.Denied,
            Reason = AnswerJson.RequireReason(reason),
            Tags = AnswerJson.Tags(tags),
        },
    };

    /// <summary>The answer as the JSON body of your HTTP 200 response (content type <c>application/json</c>).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => AnswerJson.Serialize(this);
}
