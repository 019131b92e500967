using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace AqueraProvisioning.Internal;

/// <summary>
/// On Windows PowerShell 5.1 (.NET Framework), lets the module's own dependencies load whatever version a caller
/// asks for. The shipped closure of System.Text.Json disagrees with itself: System.Memory references
/// System.Runtime.CompilerServices.Unsafe 4.0.4.1 and System.Buffers 4.0.2.0, while the folder holds 6.0.0.0 and
/// 4.0.3.0. .NET Framework has no binding redirects for a module, so without this the first JSON call would fail
/// with FileLoadException. On PowerShell 7 the runtime unifies these versions itself: nothing is hooked there, and
/// import does no work. (Only PowerShell 7 on Linux runs in this project's tests; 5.1 is supported by design.)
/// </summary>
public sealed class ModuleAssemblyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string s_moduleDirectory = Path.GetDirectoryName(typeof(ModuleAssemblyResolver).Assembly.Location) ?? string.Empty;

    /// <summary>True on .NET Framework, where the hook is needed.</summary>
    internal static bool IsNeeded => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public void OnImport()
    {
        if (IsNeeded)
        {
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }
    }

    /// <inheritdoc />
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (IsNeeded)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
        }
    }

    /// <summary>
    /// Answers only for assemblies shipped in the module folder, by simple name and whatever the version asked;
    /// every other request is left to the runtime.
    /// </summary>
    internal static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        if (args is null)
        {
            return null;
        }

        string? name;
        try
        {
            name = new AssemblyName(args.Name).Name;
        }
        catch (Exception ex) when (ex is FileLoadException || ex is ArgumentException)
        {
            return null;
        }

        if (string.IsNullOrEmpty(name) || name!.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 ||
            string.Equals(name, "System.Management.Automation", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string path = Path.Combine(s_moduleDirectory, name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
