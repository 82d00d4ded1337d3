using System;

namespace StarkSdk.Infra;

/// <summary>
/// The answer to an inbound Pix request authorization (<see cref="PixRequestsClient.ParseAsync"/>): build it with
/// <see cref="Approve"/> or <see cref="Deny"/> and send <see cref="ToJson"/> as the HTTP 200 body.
/// </summary>
/// <remarks>
/// Stark Infra waits <see cref="Deadline"/> (1 second) for the answer: a Pix request not approved or denied in time is
/// denied. These helpers do no I/O, so the time goes to your own checks.
/// </remarks>
public partial class PixRequestAuthorizationResponse
{
    /// <summary>How long Stark Infra waits for the answer (1 second); without an answer in time the Pix request is denied.</summary>
    public static TimeSpan Deadline { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Approves the inbound Pix request: <c>{"authorization": {"status": "approved"}}</c>. Answer within 1 second (<see cref="Deadline"/>).</summary>
    /// <returns>The answer.</returns>
    public static PixRequestAuthorizationResponse Approve() =>
        new() { Authorization = new PixRequestAuthorizationDecision { Status = PixRequestAuthorizationStatus.Approved } };

    /// <summary>
    /// Denies the inbound Pix request: <c>{"authorization": {"status": "denied", "reason": "orderRejected"}}</c>.
    /// Answer within 1 second (<see cref="Deadline"/>): a late answer counts as a denial anyway.
    /// </summary>
    /// <param name="reason">Why, e.g. <see cref="PixRequestAuthorizationReason.OrderRejected"/>.</param>
    /// <returns>The answer.</returns>
    public static PixRequestAuthorizationResponse Deny(PixRequestAuthorizationReason reason)
    {
        AnswerJson.RequireReason(reason.Value);
        return new() { Authorization = new PixRequestAuthorizationDecision { Status = PixRequestAuthorizationStatus.Denied, Reason = reason } };
    }

    /// <summary>The answer as the JSON body of your HTTP 200 response (content type <c>application/json</c>).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => AnswerJson.Serialize(this);
}

/// <summary>
/// The answer to an inbound Pix reversal authorization (<see cref="PixReversalsClient.ParseAsync"/>): build it with
/// <see cref="Approve"/> or <see cref="Deny"/> and send <see cref="ToJson"/> as the HTTP 200 body.
/// </summary>
/// <remarks>
/// Stark Infra waits <see cref="Deadline"/> (1 second) for the answer: a Pix reversal not approved or denied in time is
/// denied. These helpers do no I/O.
/// </remarks>
public partial class PixReversalAuthorizationResponse
{
    /// <summary>How long Stark Infra waits for the answer (1 second); without an answer in time the Pix reversal is denied.</summary>
    public static TimeSpan Deadline { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Approves the inbound Pix reversal: <c>{"authorization": {"status": "approved"}}</c>. Answer within 1 second (<see cref="Deadline"/>).</summary>
    /// <returns>The answer.</returns>
    public static PixReversalAuthorizationResponse Approve() =>
        new() { Authorization = new PixReversalAuthorizationDecision { Status = PixReversalAuthorizationStatus.Approved } };

    /// <summary>
    /// Denies the inbound Pix reversal: <c>{"authorization": {"status": "denied", "reason": "orderRejected"}}</c>.
    /// Answer within 1 second (<see cref="Deadline"/>).
    /// </summary>
    /// <param name="reason">Why, e.g. <see cref="PixReversalAuthorizationReason.OrderRejected"/>.</param>
    /// <returns>The answer.</returns>
    public static PixReversalAuthorizationResponse Deny(PixReversalAuthorizationReason reason)
    {
        AnswerJson.RequireReason(reason.Value);
        return new() { Authorization = new PixReversalAuthorizationDecision { Status = PixReversalAuthorizationStatus.Denied, Reason = reason } };
    }

    /// <summary>The answer as the JSON body of your HTTP 200 response (content type <c>application/json</c>).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => AnswerJson.Serialize(this);
}
