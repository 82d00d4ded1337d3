using NUnit.Framework;
using StarkSdk.Generator.Modeling;

namespace StarkSdk.Generator.Tests;

public class NamingTests
{
    [TestCase("taxId", "TaxId")]
    [TestCase("tax_id", "TaxId")]
    [TestCase("in-progress", "InProgress")]
    [TestCase("pt-BR", "PtBR")]
    [TestCase("brcode-payment", "BrcodePayment")]
    [TestCase("DICT", "DICT")]
    [TestCase("2fa", "Value2fa")]
    [TestCase("", "Empty")]
    [TestCase("class", "Class")]
    public void PascalCase(string name, string expected) => Assert.That(Naming.ToPascalCase(name), Is.EqualTo(expected));

    [TestCase("created", "Created")]
    [TestCase("-created", "CreatedDescending")]
    [TestCase("-", "Empty")]
    public void EnumMemberNames(string value, string expected) => Assert.That(Naming.ToEnumMemberName(value), Is.EqualTo(expected));

    [TestCase("id", "id")]
    [TestCase("event", "@event")]
    [TestCase("class", "@class")]
    [TestCase("workspace-id", "workspaceId")]
    public void ParameterNames(string name, string expected) => Assert.That(Naming.ToParameterName(name), Is.EqualTo(expected));

    [TestCase("Invoices", "Invoice")]
    [TestCase("Entries", "Entry")]
    [TestCase("Addresses", "Address")]
    [TestCase("Boxes", "Box")]
    [TestCase("Status", "Status")]
    [TestCase("Balance", "Balance")]
    [TestCase("Logs", "Log")]
    public void Singular(string name, string expected) => Assert.That(Naming.Singularize(name), Is.EqualTo(expected));

    [TestCase("StarkSdk.Bank", true)]
    [TestCase("Stark.Bank.Sdk", true)]
    [TestCase("Stark..Bank", false)]
    [TestCase("1Stark", false)]
    [TestCase("Stark.class", false)]
    [TestCase("", false)]
    public void Namespaces(string name, bool valid) => Assert.That(Naming.IsValidNamespace(name), Is.EqualTo(valid));
}
