namespace Secrets.Build.Core.Schema;

/// <summary>How many days a secret of one category may live before it must be rotated.</summary>
internal sealed record RotationPolicy(string Category, int Days);
