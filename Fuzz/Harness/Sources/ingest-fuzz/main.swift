import CLibFuzzer
import Foundation
import IngestFuzzTargets

// ingest-fuzz --target=NAME [libFuzzer flags] [CORPUS_DIR …] | --list | --encode-lines OUT_DIR PDF…
// Fuzz/run.sh builds this with the sanitizer flags and runs it; see docs/Fuzzing.md.

let arguments = CommandLine.arguments
if arguments.contains("--list") {
    for target in FuzzTarget.allCases { print("\(target.rawValue): \(target.summary)") }
    exit(0)
}
if arguments.count >= 3, arguments[1] == "--encode-lines" {
    do {
        let count = try LineSeeds.write(to: URL(fileURLWithPath: arguments[2]), from: Array(arguments.dropFirst(3)))
        print("wrote \(count) parser-lines seeds to \(arguments[2])")
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("ingest-fuzz: \(error)\n".utf8))
        exit(1)
    }
}
guard SelectedTarget.target != nil else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    let usage = "usage: ingest-fuzz --target=NAME [libFuzzer flags] [CORPUS …]; NAME: \(names)\n"
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    SelectedTarget.target?.run(data)
    return 0
}
exit(status)
