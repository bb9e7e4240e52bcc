using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.KeyRotation;

/// <summary>A key rotation; the <c>RotateSecretsKey</c> target fills it.</summary>
public sealed record RotateKeyOptions : LifecycleOptions
{
    /// <summary>
    /// For a store opened by a passphrase (<c>SECRETS_BUILD_PASSPHRASE*</c>): the passphrase that opens
    /// it afterwards. Required then (SECB530); ignored for key files and key variables, whose new
    /// key is always a new key file.
    /// </summary>
    public string? NewPassphrase { get; init; }

    /// <summary>Test hook: called after each step (<c>staged</c>, <c>both-keys-saved</c>, <c>switched</c>) to simulate a crash.</summary>
    internal Action<string>? AfterStep { get; init; }

    /// <summary>Every option except the new passphrase, which is never shown.</summary>
    public override string ToString() =>
        $"RotateKeyOptions {{ SchemaPath = {SchemaPath}, Environment = {Environment}, KeyDirectory = {KeyDirectory}, NewPassphrase = {(NewPassphrase is null ? "(none)" : "(set)")}, Trigger = {Trigger} }}";
}
