namespace Secrets.Build.IntegrationTests.Infrastructure;

/// <summary>
/// One restored, built and provisioned workspace per test run, which the lifecycle tests copy
/// (<see cref="TestWorkspace.CloneAs"/>) instead of each paying for a restore and a first build
/// (the slowest step on a loaded machine). Its project uses AppSecrets, and its build wrote a
/// binary log, so the leak test scans exactly what a consumer's build leaves behind.
/// </summary>
internal sealed class ProvisionedTemplate
{
    private static readonly object Gate = new();
    private static ProvisionedTemplate? _current;

    private ProvisionedTemplate(PackageFixture package)
    {
        Package = package;
        Workspace = new TestWorkspace(package, "lifecycle-template");
        Workspace.WriteSchema();
        Project = Workspace.AddProject("App", extraProperties: "<OutputType>Exe</OutputType>");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(Project)!, "Program.cs"), """
            // Reads every secret the way an application does, so the compiler and the generator see them used.
            App.AppSecrets.Validate();
            System.Console.WriteLine(App.AppSecrets.DatabasePassword.Length + App.AppSecrets.CacheToken.Length + App.AppSecrets.SigningKey.Length + App.AppSecrets.PaymentApiKey.Length);
            """);
        // A long external value, so the leak scan covers a captured secret too.
        Workspace.Environment[TestSchemas.ExternalName] = "pk_live_" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        BinaryLog = Path.Combine(Workspace.Directory, "template.binlog");

        BuildResult = Workspace.Build(Project, "-bl:" + BinaryLog, "-v:n");
        if (!BuildResult.Succeeded)
        {
            throw new InvalidOperationException("Building the lifecycle template failed:\n" + BuildResult);
        }

        // Copies build without the external value: they test the operations, not capture.
        Workspace.Environment.Remove(TestSchemas.ExternalName);
    }

    public PackageFixture Package { get; }

    public TestWorkspace Workspace { get; }

    public string Project { get; }

    public string BinaryLog { get; }

    public CommandResult BuildResult { get; }

    /// <summary>The template for this run's package, built on first use.</summary>
    public static ProvisionedTemplate For(PackageFixture package)
    {
        lock (Gate)
        {
            if (_current is null || !ReferenceEquals(_current.Package, package))
            {
                _current = new ProvisionedTemplate(package);
            }

            return _current;
        }
    }

    /// <summary>A private copy of the provisioned workspace and the path of its project.</summary>
    public (TestWorkspace Workspace, string Project) Copy(string name)
    {
        var copy = Workspace.CloneAs(name);
        return (copy, Path.Combine(copy.Directory, Path.GetRelativePath(Workspace.Directory, Project)));
    }
}
