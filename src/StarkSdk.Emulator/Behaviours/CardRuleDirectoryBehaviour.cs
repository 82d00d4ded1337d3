using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// The fixed lists corporate rules name: card methods, merchant categories (codes and types) and merchant countries.
/// A short, representative sample of each; <c>search</c> filters them by any text field.
/// </summary>
public sealed class CardRuleDirectoryBehaviour : CollectionBehaviour
{
    private static readonly (string Code, string Name, string Number)[] Methods =
    {
        ("chip", "Chip", "5"), ("token", "Token", "81"), ("server", "Server", "7"), ("manual", "Manual", "1"),
        ("magstripe", "Magnetic stripe", "2"), ("contactless", "Contactless", "7"),
    };

    private static readonly (string Code, string Type, string Name, string Number)[] Categories =
    {
        ("fastFoodRestaurants", "food", "Fast Food Restaurants", "5814"), ("eatingPlacesAndRestaurants", "food", "Eating Places and Restaurants", "5812"),
        ("groceryStoresAndSupermarkets", "food", "Grocery Stores and Supermarkets", "5411"), ("petShopsPetFoodAndSupplies", "pets", "Pet Shops, Pet Food and Supplies", "5995"),
        ("veterinaryServices", "pets", "Veterinary Services", "0742"), ("airlines", "travel", "Airlines, Air Carriers", "4511"),
        ("hotelsMotelsAndResorts", "travel", "Hotels, Motels and Resorts", "7011"), ("taxicabsAndLimousines", "transport", "Taxicabs and Limousines", "4121"),
    };

    private static readonly (string Code, string Name, string Number, string ShortCode)[] Countries =
    {
        ("BRA", "Brazil", "076", "BR"), ("USA", "United States of America", "840", "US"), ("ARG", "Argentina", "032", "AR"),
        ("PRT", "Portugal", "620", "PT"), ("GBR", "United Kingdom", "826", "GB"),
    };

    /// <summary>Creates the behaviour.</summary>
    public CardRuleDirectoryBehaviour()
        : base("card-method", "merchant-category", "merchant-country")
    {
    }

    /// <inheritdoc />
    public override void Seed(EmulatorContext context)
    {
        foreach (var (code, name, number) in Methods)
            context.Insert("card-method", new JObject { ["code"] = code, ["name"] = name, ["number"] = number });
        foreach (var (code, type, name, number) in Categories)
            context.Insert("merchant-category", new JObject { ["code"] = code, ["type"] = type, ["name"] = name, ["number"] = number });
        foreach (var (code, name, number, shortCode) in Countries)
            context.Insert("merchant-country", new JObject { ["code"] = code, ["name"] = name, ["number"] = number, ["shortCode"] = shortCode });
    }
}
