using System.Diagnostics;
using System.Xml.Linq;

namespace Secrets.Build.Core.Tests.Audit;

/// <summary>
/// A tiny console program, compiled at test time against the Core assembly under test, that
/// appends events to a trail: real separate processes, with no extra project in the solution.
/// </summary>
internal sealed class AuditChildProcess
{
    private const string ProgramSource = """
        using Secrets.Build.Core.Audit;

        // args: trail path, chain key (hex), worker number, event count, max file bytes, go-file
        var trail = new AuditTrail(args[0], Convert.FromHexString(args[1]),
            new AuditTrailOptions { MaxFileBytes = long.Parse(args[4]) });
        var worker = int.Parse(args[2]);
        var count = int.Parse(args[3]);
        Console.WriteLine("ready");
        while (!File.Exists(args[5]))
        {
            Thread.Sleep(5);
        }

        for (var i = 0; i < count; i++)
        {
            trail.Append(new AuditEvent(DateTimeOffset.UtcNow, AuditEventKind.Accessed, $"worker{worker}@host", "0.1.0", "ProvisionSecrets")
            {
                SecretName = $"W{worker}_S{i}",
                Version = 1,
            });
        }
        """;

    private readonly string _dll;

    private AuditChildProcess(string dll) => _dll = dll;

    /// <summary>Writes and builds the program in <paramref name="folder"/>.</summary>
    public static AuditChildProcess Build(string folder)
    {
        Directory.CreateDirectory(folder);
        var coreDll = typeof(Secrets.Build.Core.Audit.AuditTrail).Assembly.Location;
        File.WriteAllText(Path.Combine(folder, "Program.cs"), ProgramSource);
        File.WriteAllText(Path.Combine(folder, "AuditChild.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="Secrets.Build.Core" HintPath="{coreDll}" />
                <PackageReference Include="NSec.Cryptography" Version="{NSecVersion()}" />
              </ItemGroup>
            </Project>
            """);

        var binaries = Path.Combine(folder, "out");
        var build = Run(Dotnet(), ["build", Path.Combine(folder, "AuditChild.csproj"), "-c", "Release", "-o", binaries,
            "--nologo", "-v:q", "--disable-build-servers", "-nodeReuse:false"]);
        // Both pipes are drained while it runs, so a chatty failure cannot fill one and hang the build.
        var errors = build.StandardError.ReadToEndAsync();
        var output = build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        Assert.True(build.ExitCode == 0, $"building the child program failed:\n{output}\n{errors.Result}");
        return new AuditChildProcess(Path.Combine(binaries, "AuditChild.dll"));
    }

    /// <summary>Starts one appender and waits until it is ready for the go-file.</summary>
    public Child Start(string trailPath, byte[] key, int worker, int count, long maxFileBytes, string goFile)
    {
        var process = Run(Dotnet(), [_dll, trailPath, Convert.ToHexString(key), worker.ToString(), count.ToString(), maxFileBytes.ToString(), goFile]);
        Assert.Equal("ready", process.StandardOutput.ReadLine());
        return new Child(process);
    }

    internal sealed class Child(Process process)
    {
        public void WaitSucceeded()
        {
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "an appender did not finish");
            var errors = process.StandardError.ReadToEnd();
            Assert.True(process.ExitCode == 0, "an appender failed:\n" + errors);
            process.Dispose();
        }
    }

    // The version the repository pins centrally, so the child loads the same NSec as Core.
    private static string NSecVersion()
    {
        var props = XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "Directory.Packages.props"));
        return props.Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == "NSec.Cryptography")
            .Attribute("Version")!.Value;
    }

    private static string Dotnet() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static Process Run(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` exports MSBuild settings for its own build; the child build needs none.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(start)!;
    }
}
