// The build has just provisioned this environment's secrets (see MultimodalStack.csproj).
// This prints a masked inventory: names and lengths, never a value.
// Today it reads the provisioned .env file; once AppSecrets exists, read its properties instead.
var environment = Environment.GetEnvironmentVariable("SECRETS_ENVIRONMENT") ?? "development";
var envFile = $".env.{environment.ToLowerInvariant()}";

if (!File.Exists(envFile))
{
    Console.Error.WriteLine($"{envFile} not found in {Environment.CurrentDirectory}: build the project first.");
    return 1;
}

var secrets = SecretsInventory.Read(envFile);
Console.WriteLine($"{secrets.Count} secrets provisioned for '{environment}':");
foreach (var (name, value) in secrets)
{
    Console.WriteLine($"  {name,-28} {SecretsInventory.Mask(value)}");
}

return 0;
