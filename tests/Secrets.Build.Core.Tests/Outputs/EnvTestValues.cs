using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Tests.Outputs;

/// <summary>Values the .env tests push through every reader. None of them is a real secret.</summary>
public static class EnvTestValues
{
    /// <summary>One variable per character of the safe alphabet (alone, and between letters), plus the whole alphabet.</summary>
    public static IReadOnlyList<(string Name, string Value)> EveryEnvSafeCharacter()
    {
        var values = new List<(string, string)>();
        for (var i = 0; i < Alphabets.EnvSafe.Length; i++)
        {
            var c = Alphabets.EnvSafe[i];
            values.Add(($"ALONE_{i}", c.ToString()));
            values.Add(($"INSIDE_{i}", $"a{c}b{c}{c}"));
        }

        values.Add(("WHOLE_ALPHABET", Alphabets.EnvSafe));
        values.Add(("EMPTY", string.Empty));
        return values;
    }

    /// <summary>Values outside the safe set that every reader must read back unchanged.</summary>
    /// <summary>
    /// Labels of <see cref="Representable"/> values docker-compose v1 reads differently from bash, dotenv
    /// and compose v2: it expands <c>$</c> in double-quoted values and treats backslash escapes and tabs
    /// its own way. Generated values never hold these characters; imported or external ones can, and
    /// for them the README points at compose v2.
    /// </summary>
    public static readonly string[] ComposeV1Differs = ["backslash", "tab", "dollar"];

    /// <summary><see cref="Representable"/> without <see cref="ComposeV1Differs"/>.</summary>
    public static TheoryData<string, string> RepresentableForComposeV1()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Representable())
        {
            if (!ComposeV1Differs.Contains((string)row[0]))
            {
                data.Add((string)row[0], (string)row[1]);
            }
        }

        return data;
    }

    public static TheoryData<string, string> Representable() => new()
    {
        { "space", "two words" },
        { "edge_spaces", "  padded value  " },
        { "only_spaces", "   " },
        { "hash", "value # not a comment" },
        { "hash_first", "#starts-with-hash" },
        { "dollar", "cost $5 and $HOME and ${PATH} and $(id)" },
        { "double_quotes", "say \"hi\"" },
        { "lone_double_quote", "\"" },
        { "backslash", "C:\\Users\\dev\\n\\t\\\\share" },
        { "backtick", "run `id` now" },
        { "shell_chars", "a;b&c|d<e>f(g)h*i?j[k]l{m}n~o!p" },
        { "tilde_first", "~/home" },
        { "equals", "==a=b==" },
        { "unicode", "päss wörd ✓ 🔑 日本語 ñ" },
        { "tab", "tab\there" },
        { "newline", "line one\nline two" },
        { "trailing_newline", "ends with newline\n" },
        { "injected_line", "harmless\nINJECTED=1" },
        { "single_quote", "it's" },
        { "lone_single_quote", "'" },
        { "single_quote_hash_space", "it's # fine" },
        { "single_quote_newline", "it's\nmulti-line" },
        { "backslash_n_literal", "\\n" },
    };

    /// <summary>Values no single form can carry through all three readers: refused with SECB301.</summary>
    public static TheoryData<string, string> Refused() => new()
    {
        { "quote_and_dollar", "it's $HOME" },
        { "quote_and_double", "it's \"quoted\"" },
        { "quote_and_backslash", "it's a\\b" },
        { "quote_and_backtick", "it's `id`" },
        { "trailing_backslash", "ends with \\" },
        { "carriage_return", "line\r\nwindows" },
        { "nul", "nul\0byte" },
    };
}
