using BenchmarkDotNet.Attributes;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Benchmarks;

/// <summary>
/// What a passphrase key costs on every build that opens the store: one Argon2id derivation at
/// the default parameters (OWASP's minimum, m=19 MiB, t=2, p=1).
/// </summary>
[Config(typeof(ShortRunConfig))]
public class Argon2idBenchmarks
{
    private readonly byte[] salt = PassphraseKdf.NewSalt();

    [Benchmark(Description = "Argon2id m=19456 KiB t=2 p=1")]
    public byte[] DeriveKey() =>
        PassphraseKdf.DeriveKey("correct horse battery staple", salt, Argon2Parameters.Default);
}
