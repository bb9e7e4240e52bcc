using System.Runtime.Versioning;

// The tests drive the tool with sh, kill(1), tmux and Unix file modes, as a Linux or macOS user would.
[assembly: SupportedOSPlatform("linux")]
[assembly: SupportedOSPlatform("macos")]
