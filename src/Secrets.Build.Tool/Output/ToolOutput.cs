using Secrets.Build.Core.Diagnostics;
using Spectre.Console;

namespace Secrets.Build.Tool.Output;

/// <summary>
/// The tool's two streams: results on stdout (a Spectre console: colour and tables on a terminal,
/// plain text when redirected or when NO_COLOR is set) and SECB diagnostics on stderr.
/// </summary>
internal sealed class ToolOutput
{
    // Wide enough that a redirected table is never wrapped: scripts read it line by line.
    private const int RedirectedWidth = 4096;

    private ToolOutput(IAnsiConsole console, bool isTerminal, bool color)
    {
        Console = console;
        IsTerminal = isTerminal;
        Color = color;
    }

    /// <summary>Where results go.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>True when stdout is a terminal: colour, borders and progress are allowed.</summary>
    public bool IsTerminal { get; }

    /// <summary>True when colour may be used (a terminal, and NO_COLOR unset).</summary>
    public bool Color { get; }

    /// <summary>True once an error diagnostic was printed: the exit code is then 1.</summary>
    public bool HasErrors { get; private set; }

    public static ToolOutput Create()
    {
        var isTerminal = !System.Console.IsOutputRedirected;
        // https://no-color.org: any non-empty value turns colour off.
        var color = isTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(System.Console.Out),
        });
        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return new ToolOutput(console, isTerminal, color);
    }

    /// <summary>Prints each diagnostic on stderr in the compiler's one-line form, with its code and fix (naming the tool's options, see <see cref="ToolFixHints"/>).</summary>
    public void Report(IEnumerable<SecretsDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            HasErrors |= diagnostic.Severity == SecretsSeverity.Error;
            System.Console.Error.WriteLine(ToolFixHints.ForTool(diagnostic).ToString());
        }
    }

    /// <summary>A line of plain text on stdout (no markup is parsed, so names print as they are).</summary>
    public void Line(string text = "") => Console.WriteLine(text);

    /// <summary>A table with borders on a terminal and none when redirected.</summary>
    public Table NewTable(params string[] headers)
    {
        var table = new Table { Border = IsTerminal ? TableBorder.Rounded : TableBorder.None };
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))) { NoWrap = !IsTerminal });
        }

        return table;
    }

    /// <summary>A cell of plain text in an optional colour (dropped when colour is off).</summary>
    public Text Cell(string text, Color? color = null) =>
        new(text, color is { } c && Color ? new Style(foreground: c) : Style.Plain);
}
