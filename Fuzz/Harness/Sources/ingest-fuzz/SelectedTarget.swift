import IngestFuzzTargets

/// The target named by `--target=NAME` on the command line.
///
/// libFuzzer ignores flags that start with `--` and passes them on to the processes it forks (`-fork=N`,
/// `-minimize_crash=1`), so every process of a run finds the same target here.
enum SelectedTarget {
    /// The target, or `nil` when the command line names none (or an unknown one).
    static let target: FuzzTarget? = CommandLine.arguments.lazy
        .compactMap { $0.hasPrefix("--target=") ? FuzzTarget(rawValue: String($0.dropFirst(9))) : nil }
        .first
}
