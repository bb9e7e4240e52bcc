using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.CheckTrust;

/// <summary>
/// A keyless look at one environment's store against this machine's trust record, for tools that
/// show the store without opening it (<c>secrets-build status</c>, <c>doctor</c>). Set
/// <see cref="OperationOptions.Trust"/> as for any operation.
/// </summary>
public sealed record CheckTrustOptions : LifecycleOptions;
