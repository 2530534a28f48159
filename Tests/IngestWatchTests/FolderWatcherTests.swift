import Foundation
import IngestCore
import IngestStore
import IngestWatch
import Testing

/// A mixed drop: good minutes arriving in every way a writer delivers files, and broken files.
private struct DropPlan {
    /// Good files: name → content.
    var good: [String: Data] = [:]
    /// Broken files: name → content.
    var broken: [String: Data] = [:]

    /// Builds a plan with `direct` files written in one go, `slowOpen` written in chunks through one descriptor,
    /// `slowReopening` written in chunks that each reopen the file, `moved` renamed in, and `garbage` random
    /// `.pdf` files plus `empty` 0-byte files; names start with `prefix`.
    init(prefix: String, direct: Int, slowOpen: Int, slowReopening: Int, moved: Int, garbage: Int, empty: Int) {
        var number = 0
        func next(_ kind: String, _ ext: String = "txt") -> String {
            number += 1
            return "\(prefix)-\(kind)-\(number).\(ext)"
        }
        for _ in 0..<direct { good[next("direct")] = WatchFixture.minutes(number) }
        for _ in 0..<slowOpen { good[next("slow-open")] = WatchFixture.minutes(number) }
        for _ in 0..<slowReopening { good[next("slow-reopen")] = WatchFixture.minutes(number) }
        for _ in 0..<moved { good[next("moved")] = WatchFixture.minutes(number) }
        for _ in 0..<garbage { broken[next("garbage", "pdf")] = WatchFixture.garbage() }
        for _ in 0..<empty { broken[next("empty")] = Data() }
    }

    /// Delivers every file: first those written in one go, moved in, and the broken ones; then, once the watcher
    /// has taken those and is idle (so it would pounce on a half-written file), the slow ones, all at once.
    func deliver(to fixture: WatchFixture) async throws {
        for (name, data) in good.sorted(by: { $0.key < $1.key }) {
            if name.contains("-moved-") {
                try fixture.moveIn(data, as: name)
            } else if !name.contains("-slow-") {
                try fixture.write(data, as: name)
            }
        }
        for (name, data) in broken.sorted(by: { $0.key < $1.key }) { try fixture.write(data, as: name) }
        let slow = good.filter { $0.key.contains("-slow-") }
        guard !slow.isEmpty else { return }
        try await WatchFixture.waitUntil("the watcher has taken the files written in one go") {
            fixture.waiting.isEmpty
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (name, data) in slow {
                let reopening = name.contains("-slow-reopen-")
                group.addTask { try await fixture.writeSlowly(data, as: name, reopening: reopening) }
            }
            try await group.waitForAll()
        }
    }

    /// Waits until every file has left the inbox, then checks each good one is stored exactly once and in
    /// `processed/` under its own name, and each broken one is in `failed/` with its report.
    func waitAndCheck(_ fixture: WatchFixture, extraGood: [String: Data] = [:]) async throws {
        let good = self.good.merging(extraGood) { first, _ in first }
        let expectedFailed = Set(broken.keys.flatMap { [$0, $0 + ".error.json"] })
        try await WatchFixture.waitUntil(
            "\(good.count) files are in processed/ and \(broken.count) in failed/ "
                + "(waiting: \(fixture.waiting.count), processed: \(WatchFixture.names(in: fixture.processed).count))"
        ) {
            fixture.waiting.isEmpty && WatchFixture.names(in: fixture.processed).count == good.count
                && Set(WatchFixture.names(in: fixture.failed)) == expectedFailed
        }
        #expect(Set(WatchFixture.names(in: fixture.processed)) == Set(good.keys))
        var ids: Set<Int64> = []
        for (name, data) in good {
            let id = try fixture.store.record(sha256: WatchFixture.hash(data))
            #expect(id != nil, "\(name) is not in the store")
            if let id { ids.insert(id) }
            let moved = try Data(contentsOf: fixture.processed.appendingPathComponent(name))
            #expect(moved == data, "\(name) in processed/ is not the file that was written")
        }
        #expect(ids.count == good.count)
        // Exactly once: no second record of any file, and no record of a half-written one.
        #expect(try fixture.recordCount() == good.count)
        for name in broken.keys {
            let report = try JSONSerialization.jsonObject(
                with: Data(contentsOf: fixture.failed.appendingPathComponent(name + ".error.json")))
            let fields = try #require(report as? [String: Any])
            #expect(Set(fields.keys) == ["path", "code", "message", "advice", "failedAt"])
            #expect((fields["path"] as? String)?.hasSuffix("/inbox/" + name) == true)
            #expect(["empty-file", "unsupported-type", "damaged"].contains(fields["code"] as? String ?? ""))
        }
    }
}

@Suite("FolderWatcher: files dropped into a watched folder", .timeLimit(.minutes(1)))
struct FolderWatcherTests {
    @Test("200 files (present at start, written in one go, slowly, moved in, broken) are each stored once")
    func twoHundredFiles() async throws {
        let fixture = try WatchFixture()
        let present = DropPlan(
            prefix: "present", direct: 20, slowOpen: 0, slowReopening: 0, moved: 0, garbage: 0, empty: 0)
        try await present.deliver(to: fixture)
        try fixture.write(Data("not an input".utf8), as: ".hidden-partial")
        let running = RunningWatcher(fixture.watcher())
        let plan = DropPlan(
            prefix: "drop", direct: 100, slowOpen: 15, slowReopening: 15, moved: 30, garbage: 10, empty: 10)
        try await plan.deliver(to: fixture)
        try await plan.waitAndCheck(fixture, extraGood: present.good)
        let summary = try await running.stop()
        #expect(summary.stored == 180)
        #expect(summary.failed == 20)
        #expect(WatchFixture.names(in: fixture.inbox).contains(".hidden-partial"), "hidden files are left alone")
    }

    @Test("the polling fallback passes the same scenario")
    func polling() async throws {
        let fixture = try WatchFixture()
        let present = DropPlan(
            prefix: "present", direct: 5, slowOpen: 0, slowReopening: 0, moved: 0, garbage: 0, empty: 0)
        try await present.deliver(to: fixture)
        // A settle time well above the slow writers' pauses, which a loaded machine stretches.
        let running = RunningWatcher(fixture.watcher(mode: .polling(interval: .milliseconds(40)), settle: .seconds(1)))
        let plan = DropPlan(prefix: "drop", direct: 20, slowOpen: 4, slowReopening: 4, moved: 5, garbage: 3, empty: 3)
        try await plan.deliver(to: fixture)
        try await plan.waitAndCheck(fixture, extraGood: present.good)
        let summary = try await running.stop()
        #expect(summary.stored == 38)
        #expect(summary.failed == 6)
    }

    @Test("--keep: files stay, each is stored once, and events on handled files do not take them again")
    func keep() async throws {
        let fixture = try WatchFixture()
        let first = (1...5).map { ("kept-\($0).txt", WatchFixture.minutes($0)) }
        for (name, data) in first { try fixture.write(data, as: name) }
        try fixture.write(Data(), as: "kept-empty.txt")
        // One job: files are taken in the order they became due, so the sentinel below is taken last.
        let running = RunningWatcher(fixture.watcher(jobs: 1, keep: true))
        let second = (6...10).map { ("kept-\($0).txt", WatchFixture.minutes($0)) }
        for (name, data) in second { try fixture.moveIn(data, as: name) }
        try await WatchFixture.waitUntil("10 records and a report") {
            try fixture.recordCount() == 10
                && FileManager.default.fileExists(
                    atPath: fixture.failed.appendingPathComponent("kept-empty.txt.error.json").path)
        }
        // The same content again, under the same names: events, but nothing new to store.
        for (name, data) in first { try fixture.write(data, as: name) }
        try fixture.write(Data(), as: "kept-empty.txt")
        // New content under an old name is a new version of that path.
        let changed = WatchFixture.minutes(99)
        try fixture.write(changed, as: "kept-10.txt")
        let sentinel = WatchFixture.minutes(100)
        try fixture.write(sentinel, as: "sentinel.txt")
        try await WatchFixture.waitUntil("the sentinel is stored") {
            try fixture.store.record(sha256: WatchFixture.hash(sentinel)) != nil
        }
        #expect(try fixture.recordCount() == 12)  // 10 + the new version + the sentinel
        #expect(try fixture.store.record(sha256: WatchFixture.hash(changed)) != nil)
        let summary = try await running.stop()
        #expect(summary.stored == 12)
        #expect(summary.failed == 1)
        #expect(summary.unchanged == 0, "a handled file was taken again")
        #expect(Set(fixture.waiting) == Set((1...10).map { "kept-\($0).txt" } + ["kept-empty.txt", "sentinel.txt"]))
        #expect(WatchFixture.names(in: fixture.processed).isEmpty)
        #expect(WatchFixture.names(in: fixture.failed) == ["kept-empty.txt.error.json"])
    }
}
