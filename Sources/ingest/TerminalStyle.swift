import Foundation

/// How text meant for people is marked on stdout: ANSI bold on a terminal, plain characters in pipes and files.
struct TerminalStyle {
    /// Whether ANSI sequences are used.
    var usesANSI: Bool

    /// The style for stdout: ANSI only on a terminal, and not when `NO_COLOR` is set (https://no-color.org).
    static var standardOutput: TerminalStyle {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(usesANSI: isatty(STDOUT_FILENO) == 1 && !noColor)
    }

    /// What goes before and after a search match: bold, or « ».
    var match: (open: String, close: String) {
        usesANSI ? ("\u{1B}[1m", "\u{1B}[0m") : ("«", "»")
    }

    /// `text` in bold on a terminal, as it is elsewhere.
    func bold(_ text: String) -> String {
        usesANSI ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    /// `text` dimmed on a terminal, as it is elsewhere.
    func dim(_ text: String) -> String {
        usesANSI ? "\u{1B}[2m\(text)\u{1B}[0m" : text
    }
}
