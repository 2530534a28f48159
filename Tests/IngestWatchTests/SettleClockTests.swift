import Testing

@testable import IngestWatch

@Suite("SettleClock: when an entry may be taken")
struct SettleClockTests {
    let start = ContinuousClock.now

    @Test("a complete entry is due once quiet for the settle time; activity restarts the clock")
    func restart() {
        var clock = SettleClock(settle: .milliseconds(200))
        clock.noteActivity("a.pdf", complete: true, at: start)
        #expect(clock.takeDue(at: start + .milliseconds(150), excluding: [], limit: 10).isEmpty)
        clock.noteActivity("a.pdf", complete: false, at: start + .milliseconds(150))  // the writer reopened it
        #expect(clock.takeDue(at: start + .milliseconds(250), excluding: [], limit: 10).isEmpty)
        #expect(clock.nextDue(excluding: []) == start + .milliseconds(350))
        #expect(clock.takeDue(at: start + .milliseconds(350), excluding: [], limit: 10) == ["a.pdf"])
        #expect(clock.count == 0)
    }

    @Test("writes without a close never make an entry due")
    func incomplete() {
        var clock = SettleClock(settle: .milliseconds(200))
        clock.noteActivity("open.pdf", complete: false, at: start)
        #expect(clock.takeDue(at: start + .seconds(60), excluding: [], limit: 10).isEmpty)
        #expect(clock.nextDue(excluding: []) == nil)
        clock.noteActivity("open.pdf", complete: true, at: start + .seconds(61))
        #expect(clock.takeDue(at: start + .seconds(62), excluding: [], limit: 10) == ["open.pdf"])
    }

    @Test("due entries come earliest first, busy ones wait, the limit holds, removed ones are forgotten")
    func order() {
        var clock = SettleClock(settle: .milliseconds(100))
        clock.noteActivity("c", complete: true, at: start + .milliseconds(20))
        clock.noteActivity("a", complete: true, at: start)
        clock.noteActivity("b", complete: true, at: start + .milliseconds(10))
        clock.noteActivity("gone", complete: true, at: start)
        clock.remove("gone")
        let now = start + .seconds(1)
        #expect(clock.takeDue(at: now, excluding: ["a"], limit: 1) == ["b"])
        #expect(clock.takeDue(at: now, excluding: [], limit: 5) == ["a", "c"])
        clock.schedule("retry", at: now + .seconds(5))
        #expect(clock.nextDue(excluding: []) == now + .seconds(5))
    }

    @Test("10,000 entries waiting at start come out in the order they were noted, two at a time")
    func many() {
        var clock = SettleClock(settle: .milliseconds(200))
        for number in 0..<10_000 { clock.noteActivity("f\(number)", complete: true, at: start - .seconds(1)) }
        var taken: [String] = []
        while true {
            let batch = clock.takeDue(at: start, excluding: [], limit: 2)
            if batch.isEmpty { break }
            taken += batch
            _ = clock.nextDue(excluding: [])
        }
        #expect(taken == (0..<10_000).map { "f\($0)" })
        #expect(clock.count == 0)
    }

    @Test("an entry whose clock restarted is not taken at its old due time; a busy one stays for later")
    func staleAndBusy() {
        var clock = SettleClock(settle: .milliseconds(100))
        clock.noteActivity("a", complete: true, at: start)
        clock.noteActivity("a", complete: true, at: start + .milliseconds(50))
        #expect(clock.takeDue(at: start + .milliseconds(120), excluding: [], limit: 5).isEmpty)
        #expect(clock.nextDue(excluding: []) == start + .milliseconds(150))
        #expect(clock.takeDue(at: start + .milliseconds(150), excluding: ["a"], limit: 5).isEmpty)
        #expect(clock.nextDue(excluding: ["a"]) == nil)
        #expect(clock.takeDue(at: start + .milliseconds(150), excluding: [], limit: 5) == ["a"])
    }
}
