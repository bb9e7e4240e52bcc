namespace Secrets.Build.Core.Crypto;

/// <summary>
/// Argon2id cost parameters, as a store header records them so a passphrase derives the same key later.
/// </summary>
/// <param name="MemoryKiB">Memory in KiB (1024-byte blocks).</param>
/// <param name="Iterations">Passes over the memory (Argon2's <c>t</c>).</param>
/// <param name="Parallelism">Lanes (Argon2's <c>p</c>); libsodium computes only 1.</param>
internal sealed record Argon2Parameters(int MemoryKiB, int Iterations, int Parallelism)
{
    /// <summary>The smallest memory libsodium accepts (8 KiB). Only tests go this low.</summary>
    public const int MinMemoryKiB = 8;

    /// <summary>
    /// The largest memory accepted (256 MiB, thirteen times the default): parameters come from a
    /// committed file, and a tampered header must not make a build allocate without bound.
    /// </summary>
    public const int MaxMemoryKiB = 256 * 1024;

    /// <summary>The most passes accepted, for the same reason as <see cref="MaxMemoryKiB"/>.</summary>
    public const int MaxIterations = 8;

    /// <summary>
    /// The most work all passphrase entries of one store may ask for together, in KiB-passes
    /// (memory times iterations): one entry at both maximums. A build tries every passphrase
    /// entry, so the bound per entry alone would let a prepended list of them multiply it.
    /// </summary>
    public const long MaxTotalCost = (long)MaxMemoryKiB * MaxIterations;

    /// <summary>The most passphrase entries one store may have; a team needs one or two.</summary>
    public const int MaxPassphraseEntries = 8;

    /// <summary>The work of one derivation in KiB-passes, as <see cref="MaxTotalCost"/> counts it.</summary>
    public long Cost => (long)MemoryKiB * Iterations;

    /// <summary>
    /// OWASP's Password Storage Cheat Sheet minimum for Argon2id: m=19 MiB (19456 KiB), t=2, p=1.
    /// </summary>
    public static Argon2Parameters Default { get; } = new(19456, 2, 1);

    /// <summary>True when the parameters meet at least OWASP's minimum (<see cref="Default"/>).</summary>
    public bool MeetsOwaspMinimum =>
        MemoryKiB >= Default.MemoryKiB && Iterations >= Default.Iterations && Parallelism >= 1;

    /// <summary>
    /// Why these parameters cannot be used (outside what libsodium computes or above the resource
    /// limits), or null when they can. A store reading a header reports this as an error.
    /// </summary>
    public string? Problem =>
        MemoryKiB < MinMemoryKiB || MemoryKiB > MaxMemoryKiB
            ? $"Argon2id memory must be between {MinMemoryKiB} and {MaxMemoryKiB} KiB, not {MemoryKiB}."
        : Iterations < 1 || Iterations > MaxIterations
            ? $"Argon2id iterations must be between 1 and {MaxIterations}, not {Iterations}."
        : Parallelism != 1
            ? $"Argon2id parallelism must be 1 (libsodium computes a single lane), not {Parallelism}."
        : null;
}
