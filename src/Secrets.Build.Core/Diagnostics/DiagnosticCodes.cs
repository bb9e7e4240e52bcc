namespace Secrets.Build.Core.Diagnostics;

/// <summary>
/// Every stable <c>SECB</c> code. One partial file per area keeps the ranges apart:
/// SECB0xx generation, SECB1xx schema (and the source generator), SECB2xx store, keys and
/// crypto, SECB3xx outputs, SECB4xx build integration, SECB5xx rotation, audit and import,
/// SECB6xx compliance. A code, once shipped, never changes meaning.
/// </summary>
internal static partial class DiagnosticCodes
{
    /// <summary>Where each code is explained: the README's table of error codes.</summary>
    public const string HelpLink = "README.md#error-codes";
}
