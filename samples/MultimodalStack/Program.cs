// The build has just provisioned this environment's secrets (see MultimodalStack.csproj), and the
// source generator turned secrets.schema.json into the typed AppSecrets class. This checks every
// secret at start and prints a masked inventory: names, categories, types and lengths, never a value.
using MultimodalStack;

Console.WriteLine($"Secrets for '{AppSecrets.Environment}':");
Console.WriteLine($"  {"NAME",-26} {"CATEGORY",-18} {"TYPE",-8} {"LENGTH",6}  ROTATION");
foreach (var status in AppSecrets.Inspect())
{
    var secret = status.Descriptor;
    var length = status.IsValid ? $"{status.Length,6}" : "     -";
    var note = status.IsValid ? string.Empty : $"  ({status.Problem})";
    Console.WriteLine($"  {secret.Name,-26} {secret.Category,-18} {secret.TypeName,-8} {length}  every {secret.RotationDays} days{note}");
}

try
{
    AppSecrets.Validate();
    Console.WriteLine("All secrets are present and well-formed.");
    return 0;
}
catch (AppSecrets.AppSecretsException exception)
{
    // Your own API keys (external secrets) are empty until you set them; everything the build
    // generates must be there. The message names variables, never values.
    var generatedMissing = exception.SecretNames
        .Where(name => AppSecrets.Descriptors.Any(d => d.Name == name && !d.IsExternal))
        .ToList();
    Console.WriteLine(generatedMissing.Count == 0
        ? $"Set your own API keys to use them: {string.Join(", ", exception.SecretNames)}."
        : exception.Message);
    return generatedMissing.Count == 0 ? 0 : 1;
}
