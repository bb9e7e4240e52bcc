using Secrets.Build.Generator.Emit;
using Secrets.Build.Generator.Model;
using Secrets.Build.Generator.Tests.Support;

namespace Secrets.Build.Generator.Tests.Emitter;

/// <summary>
/// AppSecrets.g.cs is written into one buffer sized from the model; the compiler keeps that buffer.
/// An estimate below what is written is not wrong (another chunk is added) but costs a second
/// allocation, so plain text must always fit.
/// </summary>
public sealed class SizeEstimateTests
{
    public static TheoryData<bool, string> Consumers => new()
    {
        { true, "Contoso.Shop" },
        { false, "" },
    };

    [Theory]
    [MemberData(nameof(Consumers))]
    public void The_sample_fits_its_estimate(bool nullableAnnotations, string rootNamespace)
    {
        var model = TestModels.Sample(rootNamespace);

        var written = SecretsFileEmitter.Emit(model, new EmitOptions(nullableAnnotations, ConfigurationExtension: false)).Length;

        Assert.InRange(written, 1, SecretsFileEmitter.EstimateLength(model));
    }

    [Theory]
    [MemberData(nameof(Consumers))]
    public void Thousands_of_short_named_secrets_of_every_type_fit_their_estimate(bool nullableAnnotations, string rootNamespace)
    {
        // Short names and no description: the fixed text per secret is all there is, and the longest
        // type names (global::System.Uri, byte[] (base64url)) take the most of it.
        var kinds = new[]
        {
            (SecretType.String, TextEncoding.Text), (SecretType.Int, TextEncoding.Text), (SecretType.Bool, TextEncoding.Text),
            (SecretType.Uri, TextEncoding.Text), (SecretType.Bytes, TextEncoding.Hex), (SecretType.Bytes, TextEncoding.Base64),
            (SecretType.Bytes, TextEncoding.Base64Url),
        };
        var secrets = Enumerable.Range(0, 20_000)
            .Select(i => new SecretModel("S" + i, "S" + i, "", "c", kinds[i % kinds.Length].Item1, kinds[i % kinds.Length].Item2, 36500, i % 2 == 0, "s"))
            .ToEquatableArray();
        var model = TestModels.Sample(rootNamespace) with { Secrets = secrets };

        var written = SecretsFileEmitter.Emit(model, new EmitOptions(nullableAnnotations, ConfigurationExtension: false)).Length;

        Assert.InRange(written, 1, SecretsFileEmitter.EstimateLength(model));
    }
}
