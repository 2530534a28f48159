import Foundation

/// Turns the names stored in an archive into paths that stay inside the archive's root.
///
/// The result is "/"-separated and relative: no leading "/", no drive letter, no "." or ".." components, no empty
/// components, no control characters, backslashes read as separators, in Unicode NFC. A ".." removes the component
/// before it and is dropped where there is none, so a name can never climb out of the root.
enum ArchivePath {
    /// A sanitised name.
    struct Sanitized: Equatable {
        /// The safe relative path; empty when nothing of the name was left ("/", "..").
        var path: String
        /// True when the name tried to leave the root or hid something (absolute, "..", backslashes, drive letter,
        /// control characters); harmless tidying ("./a", "a//b", "dir/", NFD) is not reported.
        var wasUnsafe: Bool
    }

    /// Sanitises a stored name.
    /// - Parameter raw: the name as stored in the archive.
    /// - Returns: the safe relative path, and whether the name was unsafe.
    static func sanitize(_ raw: String) -> Sanitized {
        var unsafe = false
        var text = raw
        if text.contains("\\") {
            unsafe = true
            text = text.replacingOccurrences(of: "\\", with: "/")
        }
        if text.unicodeScalars.contains(where: isControl) {
            unsafe = true
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "_" : $0 }))
        }
        if text.hasPrefix("/") { unsafe = true }
        var kept: [Substring] = []
        for (index, component) in text.split(separator: "/", omittingEmptySubsequences: true).enumerated() {
            var component = component
            if index == 0, let drive = driveLetterLength(component) {
                unsafe = true
                component = component.dropFirst(drive)
                if component.isEmpty { continue }
            }
            switch component {
            case ".":
                continue
            case "..":
                unsafe = true
                _ = kept.popLast()
            default:
                kept.append(component)
            }
        }
        return Sanitized(path: kept.joined(separator: "/").precomposedStringWithCanonicalMapping, wasUnsafe: unsafe)
    }

    /// Whether a link target points outside the archive's root when followed from the link at `linkPath`.
    /// - Parameters:
    ///   - target: the link target as stored.
    ///   - linkPath: the link's own sanitised path; symlink targets are relative to its folder.
    ///   - isHardlink: hardlink targets are relative to the root, not to the link's folder.
    static func escapesRoot(target: String, from linkPath: String, isHardlink: Bool) -> Bool {
        let text = target.replacingOccurrences(of: "\\", with: "/")
        if text.hasPrefix("/") { return true }
        let components = text.split(separator: "/", omittingEmptySubsequences: true)
        if let first = components.first, driveLetterLength(first) != nil { return true }
        var depth = isHardlink ? 0 : max(0, linkPath.split(separator: "/").count - 1)
        for component in components {
            switch component {
            case ".": continue
            case "..": depth -= 1
            default: depth += 1
            }
            if depth < 0 { return true }
        }
        return false
    }

    /// The length of a leading Windows drive ("C:") in a first component, or nil.
    private static func driveLetterLength(_ component: Substring) -> Int? {
        let scalars = Array(component.unicodeScalars.prefix(2))
        guard scalars.count == 2, scalars[1] == ":", scalars[0].isASCII, scalars[0].properties.isAlphabetic else {
            return nil
        }
        return 2
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }
}
