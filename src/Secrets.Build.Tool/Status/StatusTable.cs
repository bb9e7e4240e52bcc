using System.Globalization;
using Secrets.Build.Tool.Output;
using Spectre.Console;

namespace Secrets.Build.Tool.Status;

/// <summary>The inventory as a table for people: rotation due yellow within 14 days, red when overdue.</summary>
internal static class StatusTable
{
    /// <summary>How close a due date turns yellow.</summary>
    public const int DueSoonDays = 14;

    public static void Write(ToolOutput output, StatusModel model, DateTimeOffset now)
    {
        output.Line($"Environment: {model.Environment}");
        output.Line($"Schema:      {model.SchemaPath}");
        output.Line(model.StoreExists ? $"Store:       {model.StorePath}" : $"Store:       none yet ({model.StorePath}); run 'secrets-build provision' or build once");
        if (model.StoreExists)
        {
            // Every value is encrypted under the store's one data key; these are the keys that unwrap it.
            output.Line($"Generation:  {model.Generation?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
            output.Line($"Key ids:     {string.Join(", ", model.KeyIds)}");
            output.Line($"Outputs:     {model.OutputsState}");
        }

        var table = output.NewTable("NAME", "CATEGORY", "TYPE", "SOURCE", "VERSION", "ROTATED", "DUE", "SERVICES");
        foreach (var row in model.Secrets)
        {
            table.AddRow(
                output.Cell(row.Name),
                output.Cell(row.Category),
                output.Cell(row.Type),
                output.Cell(row.Source ?? "missing", row.Source is null ? Color.Red : null),
                output.Cell(row.Version?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                output.Cell(Date(row.Rotated)),
                Due(output, row.Due, now),
                output.Cell(row.Services.Count == 0 ? "-" : string.Join(",", row.Services)));
        }

        output.Console.Write(table);
    }

    private static Text Due(ToolOutput output, DateTimeOffset? due, DateTimeOffset now)
    {
        if (due is not { } date)
        {
            return output.Cell("-");
        }

        var days = (date - now).TotalDays;
        var color = days < 0 ? Color.Red : days <= DueSoonDays ? Color.Yellow : (Color?)null;
        var text = days < 0 ? $"{Date(date)} (overdue)" : Date(date);
        return output.Cell(text, color);
    }

    private static string Date(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
}
