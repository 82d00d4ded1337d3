namespace StarkSdk.Core.Tests.Errors;

public class ErrorFactoryTests
{
    [Test]
    public void Status400WithErrorsIsInputErrorsWithEveryDetail()
    {
        const string body = "{\"errors\":[{\"code\":\"invalidAmount\",\"message\":\"Amount must be positive\"},{\"code\":\"invalidTaxId\",\"message\":\"Bad tax id\"}]}";
        var error = ErrorFactory.FromResponse(400, "POST", "/v2/invoice", body);
        var input = (InputErrors)error;
        Assert.That(input.Errors, Has.Count.EqualTo(2));
        Assert.That(input.Errors[0].Code, Is.EqualTo("invalidAmount"));
        Assert.That(input.Errors[1].Message, Is.EqualTo("Bad tax id"));
        Assert.That(input.Message, Is.EqualTo("POST /v2/invoice → 400: invalidAmount: Amount must be positive; invalidTaxId: Bad tax id"));
        Assert.That(input.StatusCode, Is.EqualTo(400));
        Assert.That(input.Method, Is.EqualTo("POST"));
        Assert.That(input.Path, Is.EqualTo("/v2/invoice"));
        Assert.That(input.RawBody, Is.EqualTo(body));
    }

    [Test]
    public void Status400WithoutJsonIsUnknownError()
    {
        var error = ErrorFactory.FromResponse(400, "GET", "/v2/x", "<html>bad gateway</html>");
        Assert.That(error, Is.TypeOf<UnknownError>());
        Assert.That(error.StatusCode, Is.EqualTo(400));
        Assert.That(error.RawBody, Is.EqualTo("<html>bad gateway</html>"));
    }

    [Test]
    public void Status500IsInternalServerError()
    {
        var error = ErrorFactory.FromResponse(500, "GET", "/v2/balance", "{\"errors\":[{\"code\":\"internalError\",\"message\":\"Houston\"}]}");
        Assert.That(error, Is.TypeOf<InternalServerError>());
        Assert.That(error.Message, Does.StartWith("GET /v2/balance → 500"));
    }

    [TestCase(401)]
    [TestCase(404)]
    [TestCase(418)]
    [TestCase(503)]
    [TestCase(302)]
    public void OtherStatusesAreUnknownErrorWithStatusAndBody(int status)
    {
        var error = ErrorFactory.FromResponse(status, "DELETE", "/v2/x/1", "{\"errors\":[{\"code\":\"teapot\",\"message\":\"I am\"}]}");
        Assert.That(error, Is.TypeOf<UnknownError>());
        Assert.That(error.StatusCode, Is.EqualTo(status));
        Assert.That(error.Message, Does.Contain("DELETE /v2/x/1 → " + status).And.Contain("teapot"));
    }

    [Test]
    public void MessagesCannotBeUsedToForgeLogLines()
    {
        var error = ErrorFactory.FromResponse(502, "GET", "/v2/x", "line1\nFAKE LOG LINE\r\n" + new string('x', 5000));
        Assert.That(error.Message, Does.Not.Contain("\n").And.Not.Contain("\r"));
        Assert.That(error.Message.Length, Is.LessThan(500));
        Assert.That(error.RawBody!.Length, Is.GreaterThan(5000), "the raw body is kept whole");
    }

    [Test]
    public void AllErrorsShareTheBaseType()
    {
        Assert.That(new InvalidSignatureError("x"), Is.InstanceOf<StarkException>());
        Assert.That(new UnknownError("x", 0, null, null, null), Is.InstanceOf<StarkException>());
        Assert.That(new InternalServerError("GET", "/", null), Is.InstanceOf<StarkException>());
        Assert.That(new InputErrors(new[] { new ErrorDetail("a", "b") }, "GET", "/", null), Is.InstanceOf<StarkException>());
    }
}
