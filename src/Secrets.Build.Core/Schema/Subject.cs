namespace Secrets.Build.Core.Schema;

/// <summary>
/// What a diagnostic is about, e.g. <c>The category of 'API_KEY'</c>. Kept in two parts and
/// joined only when a diagnostic is reported: a valid schema of 10,000 secrets would otherwise
/// build some 100,000 message fragments that nobody reads.
/// </summary>
internal readonly struct Subject
{
    private readonly string _text;
    private readonly string? _name;

    /// <summary>A subject written out in full, such as <c>"secrets"</c>.</summary>
    public Subject(string text)
    {
        _text = text;
        _name = null;
    }

    /// <summary>A subject naming a secret: <c>{text} '{name}'</c>.</summary>
    public Subject(string text, string name)
    {
        _text = text;
        _name = name;
    }

    public static implicit operator Subject(string text) => new(text);

    public override string ToString() => _name is null ? _text : _text + " '" + _name + "'";
}
