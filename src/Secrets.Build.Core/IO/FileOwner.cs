using System.Runtime.InteropServices;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.IO;

/// <summary>
/// Which Unix user owns a file or folder, and which user this process runs as, so a folder that
/// belongs to someone else can be refused with an explanation instead of failing half-way with
/// an access error (or, as root, quietly filling another user's folder with root-owned files).
/// </summary>
/// <remarks>
/// .NET has no public API for a file's owner. The owner comes from the runtime's own native shim
/// (<c>SystemNative_LStat</c> and <c>SystemNative_GetEUid</c> in libSystem.Native, which .NET's own file and user APIs use on every Unix): its
/// status record starts with flags, mode, uid and gid as 32-bit fields on every platform, unlike
/// libc's <c>struct stat</c>, whose layout differs between Linux, macOS and architectures. The
/// record is read into a buffer larger than it will ever be, and only the uid is taken from it.
/// Where the shim cannot be reached, the owner is unknown and nothing is refused.
/// </remarks>
internal static partial class FileOwner
{
    private const int UidOffset = 8;
    private const int StatusBufferSize = 512;

    /// <summary>The user id this process runs as (its effective uid); null on Windows or when unknown.</summary>
    public static uint? CurrentUser()
    {
        if (!FileModes.IsSupported)
        {
            return null;
        }

        try
        {
            return GetEffectiveUserId();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The uid that owns <paramref name="path"/> (a final link itself, not its target); null when unknown or missing.</summary>
    public static uint? Of(string path)
    {
        if (!FileModes.IsSupported)
        {
            return null;
        }

        var status = new byte[StatusBufferSize];
        try
        {
            return LStat(path, status) == 0 ? BitConverter.ToUInt32(status, UidOffset) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>True when both owners are known and <paramref name="path"/> belongs to another user than this process.</summary>
    public static bool BelongsToAnotherUser(string path, out uint owner, out uint current)
    {
        var known = Of(path);
        var me = CurrentUser();
        owner = known ?? 0;
        current = me ?? 0;
        return known is not null && me is not null && known != me;
    }

    /// <summary>
    /// Refuses an existing folder another user owns. Without this a build fails half-way with a raw
    /// access error (it may not change the folder's mode or create its lock there), and a build run
    /// as root (a container on a mounted checkout) fills the user's folder with root-owned files
    /// that the user's own builds then cannot open. Git refuses such a repository for the same reason.
    /// </summary>
    /// <exception cref="SecretsException">SECB560 when it belongs to another user.</exception>
    public static void RefuseAnotherUsersFolder(string path)
    {
        if (Directory.Exists(path) && BelongsToAnotherUser(path, out var owner, out var current))
        {
            throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.SecretsFolderOwnedByOtherUser,
                $"The folder {path} belongs to another user (uid {owner}); this build runs as uid {current}. Secrets.Build does not read or write secrets in a folder another user owns: its owner can read and replace them, and files written here would lock its owner out.",
                $"Build as the folder's owner (in a container: docker run --user {owner}), or, if the folder is yours to take over: sudo chown -R {current} '{path}'.",
                SourceLocation.ForFile(path)));
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_GetEUid")]
    private static partial uint GetEffectiveUserId();

    private static unsafe int LStat(string path, byte[] status)
    {
        fixed (byte* statusBytes = status)
        {
            return LStat(path, statusBytes);
        }
    }

    // LibraryImport writes the path's UTF-8 marshalling (what the shim expects on every Unix) into
    // this assembly at compile time, so the call is precompiled with the rest of it; a DllImport
    // taking a string had its stub generated and JIT-compiled in every build.
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int LStat(string path, byte* status);
}
