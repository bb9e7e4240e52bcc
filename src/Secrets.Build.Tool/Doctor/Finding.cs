namespace Secrets.Build.Tool.Doctor;

/// <summary>One doctor check: what was looked at, whether it is fine, and the fix when it is not.</summary>
/// <param name="Check">What was checked, e.g. "key (production)".</param>
/// <param name="Ok">True when nothing needs doing.</param>
/// <param name="Detail">What was found (names, paths, versions; never a value).</param>
/// <param name="Fix">What to do; null when <paramref name="Ok"/>.</param>
/// <param name="Blocking">True when builds fail until it is fixed (no schema, no key): reported as an error.</param>
internal sealed record Finding(string Check, bool Ok, string Detail, string? Fix = null, bool Blocking = false)
{
    public static Finding Pass(string check, string detail) => new(check, true, detail);

    public static Finding Problem(string check, string detail, string fix, bool blocking = false) => new(check, false, detail, fix, blocking);
}
