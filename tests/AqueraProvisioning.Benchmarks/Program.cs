using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AqueraProvisioning.Benchmarks;

/// <summary>
/// Runs Core's micro-benchmarks. Every benchmark runs (unless --filter picks some) with a short job (3 warm-ups, 3
/// iterations, in process: the machine has 2 cores and the whole Bench task has a few minutes); BenchmarkDotNet's
/// own switches (--filter, --job, --artifacts, ...) work as usual.
/// </summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    /// <param name="args">BenchmarkDotNet command-line switches.</param>
    public static void Main(string[] args)
    {
        IConfig config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortInProcess"))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.JoinSummary);
        // Never prompt for a choice: the Bench task runs without a console to answer it.
        string[] switches = Array.Exists(args, a => a is "--filter" or "-f") ? args : [.. args, "--filter", "*"];
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(switches, config);
    }
}
