using Secrets.Build.Tool.Cli;

return await ToolApplication.RunAsync(args);
