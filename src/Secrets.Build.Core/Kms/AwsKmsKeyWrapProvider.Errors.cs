using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Kms;

/// <summary>What the provider was doing, for the permission an error names.</summary>
internal enum KmsOperation
{
    Wrap,
    Unwrap,
}

// The SDK's failures as SECB diagnostics. A message names the key ARN, the KMS error code and the
// fix, never the SDK's own message text: an AWS error message can quote a signed request, and a
// signed request's headers can hold a session token.
internal sealed partial class AwsKmsKeyWrapProvider
{
    private const string CredentialSources =
        "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE and the shared config files, a web identity token "
        + "(AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN, as GitHub Actions OIDC sets them), or container or instance metadata";

    private SecretsDiagnostic Translate(Exception error, KmsOperation operation, bool timedOut)
    {
        if (timedOut || error is OperationCanceledException or TimeoutException)
        {
            return Unreachable();
        }

        if (error is AmazonServiceException service && !string.IsNullOrEmpty(service.ErrorCode))
        {
            return FromErrorCode(service.ErrorCode, (int)service.StatusCode, operation);
        }

        if (HasNetworkCause(error))
        {
            return Unreachable();
        }

        // What remains is the SDK giving up before sending: no credentials, no region.
        return error is AmazonClientException
            ? SecretsDiagnostic.Error(
                DiagnosticCodes.KmsCredentialsUnavailable,
                $"No AWS credentials or region were found to use the KMS key {KeyId}.",
                $"Provide credentials where the AWS SDK looks for them ({CredentialSources}), and a region (AWS_REGION or the profile's region).")
            : RequestFailed(error.GetType().Name, status: null, operation);
    }

    private SecretsDiagnostic FromErrorCode(string code, int status, KmsOperation operation) => code switch
    {
        "AccessDeniedException" or "AccessDenied" => SecretsDiagnostic.Error(
            DiagnosticCodes.KmsAccessDenied,
            $"AWS KMS denied access to the key {KeyId}: {Permissions(operation)} is not allowed for the identity this build runs as.",
            $"Allow {Permissions(operation)} on {KeyId} in the key policy or the identity's IAM policy, or run with credentials of an identity that has it."),
        "DisabledException" => KeyUnusable("it is disabled"),
        "KMSInvalidStateException" or "KeyUnavailableException" => KeyUnusable("it is pending deletion, or otherwise not in a usable state"),
        "NotFoundException" => KeyUnusable("KMS does not find it (deleted, or in another account or region)"),
        "InvalidKeyUsageException" => KeyUnusable("it is not a symmetric ENCRYPT_DECRYPT key"),
        "InvalidCiphertextException" or "IncorrectKeyException" => SecretsDiagnostic.Error(
            DiagnosticCodes.KmsEncryptionContextMismatch,
            $"AWS KMS refused to unwrap the data key with {KeyId}: the wrapped key was made for another store, environment or KMS key (its encryption context does not match).",
            "Restore this store's own KMS entry from version control; an entry copied from another store cannot be used. Or remove the entry and add the key again with another key that opens the store."),
        "ThrottlingException" or "ThrottledException" or "TooManyRequestsException" or "RequestLimitExceeded" => SecretsDiagnostic.Error(
            DiagnosticCodes.KmsThrottled,
            $"AWS KMS kept throttling requests for the key {KeyId} after {MaxRetries} retries.",
            "Build again later; if it persists, run fewer builds at once or raise the account's KMS request quota."),
        "UnrecognizedClientException" or "InvalidSignatureException" or "ExpiredTokenException" or "InvalidClientTokenId"
            or "IncompleteSignature" or "MissingAuthenticationToken" => SecretsDiagnostic.Error(
            DiagnosticCodes.KmsCredentialsUnavailable,
            $"AWS KMS refused the credentials used for the key {KeyId} ({code}): they are invalid or expired.",
            $"Renew the credentials where the AWS SDK finds them ({CredentialSources})."),
        "KMSInternalException" or "DependencyTimeoutException" => Unreachable(),
        _ when status >= 500 => Unreachable(),
        _ => RequestFailed(code, status, operation),
    };

    private SecretsDiagnostic KeyUnusable(string why) => SecretsDiagnostic.Error(
        DiagnosticCodes.KmsKeyUnusable,
        $"The KMS key {KeyId} cannot be used: {why}.",
        "Enable the key (aws kms enable-key) or cancel its deletion (aws kms cancel-key-deletion); if it is gone, remove it from the store and open the store with another key.");

    private SecretsDiagnostic Unreachable() => SecretsDiagnostic.Error(
        DiagnosticCodes.KmsUnreachable,
        $"AWS KMS did not answer for the key {KeyId} within {timeout.TotalSeconds} s: the endpoint is unreachable or unavailable.",
        $"Check the network and the endpoint (AWS_ENDPOINT_URL_KMS or AWS_ENDPOINT_URL where set, else the region's KMS endpoint), then build again; SecretsKmsTimeoutSeconds allows up to {KmsTimeout.Maximum.TotalSeconds} s.");

    private SecretsDiagnostic RequestFailed(string code, int? status, KmsOperation operation) => SecretsDiagnostic.Error(
        DiagnosticCodes.KmsRequestFailed,
        $"AWS KMS answered {code}{(status is null ? string.Empty : $" (HTTP {status})")} to {Permissions(operation)} with the key {KeyId}.",
        "Look up this error code in the AWS KMS API reference for the operation named, and check the key and the identity's permissions.");

    private static string Permissions(KmsOperation operation) =>
        operation == KmsOperation.Wrap ? "kms:DescribeKey and kms:Encrypt" : "kms:Decrypt";

    private static bool HasNetworkCause(Exception error)
    {
        for (var cause = error; cause is not null; cause = cause.InnerException)
        {
            if (cause is HttpRequestException or SocketException or IOException or TimeoutException or OperationCanceledException)
            {
                return true;
            }
        }

        return false;
    }
}
