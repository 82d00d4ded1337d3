using System.Collections.Generic;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>The behaviours that make the generic engine a Stark Bank sandbox.</summary>
public static class StarkBankBehaviours
{
    /// <summary>A new set of the Stark Bank behaviours, in the order they are asked.</summary>
    public static IList<ResourceBehaviour> Create() => new List<ResourceBehaviour>
    {
        new CommonBehaviour(),
        new AccountBehaviour(),
        new InvoiceBehaviour(),
        new BoletoBehaviour(),
        new DynamicBrcodeBehaviour(),
        new DepositBehaviour(),
        new PaymentBehaviour(),
        new MerchantBehaviour(),
        new PaymentPreviewBehaviour(),
        new WorkspacePictureBehaviour(),
        new InvoicePullCancelBehaviour(),
        new CorporateCardBehaviour(),
        new CorporateFundsBehaviour(),
        new CardRuleDirectoryBehaviour(),
        new VerifiedAccountBehaviour(),
    };
}
