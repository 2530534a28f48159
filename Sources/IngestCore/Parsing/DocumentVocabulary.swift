import Foundation
import Synchronization

/// The words of one document (``TextReflower/vocabulary``), collected on the first question: a document that never
/// joins a word at a line-end hyphen never pays for the dictionary, and the others pay once.
final class DocumentVocabulary: Sendable {
    /// The document's lines.
    private let lines: [SourceLine]
    /// The words, once collected.
    private let words = Mutex<WordSet?>(nil)

    /// Keeps the lines for a later ``contains(_:)``.
    init(lines: [SourceLine]) {
        self.lines = lines
    }

    /// True when the lowercased word is a word of the document: a word spelled with other but canonically
    /// equivalent scalars is the same word, as for `String` equality.
    func contains(_ word: String) -> Bool {
        let key = WordSet.key(word)
        return words.withLock { cached in
            let collected = cached ?? Self.words(of: lines)
            cached = collected
            return collected.contains(key)
        }
    }

    /// The words of the lines, lowercased and longer than two bytes of UTF-8; none when no line ends in a hyphen,
    /// as only such a text needs the dictionary. A word is a run of letters, digits, hyphens and anything beyond
    /// ASCII: ASCII spaces and punctuation end it.
    private static func words(of lines: [SourceLine]) -> WordSet {
        guard lines.contains(where: { $0.text.lastCharacterIs(UInt8(ascii: "-")) }) else { return WordSet() }
        // Room for about one distinct word in eight bytes of text: the set then seldom grows.
        var words = WordSet(capacity: lines.reduce(0) { $0 + $1.text.utf8.count } / 8)
        var lower: [UInt8] = []  // a line, lowercased
        for line in lines {
            if !line.text.lowercasedSimply(into: &lower) {
                let lowercased = line.text.lowercased()
                guard lowercased.hasStandaloneScalars else {
                    // Marks may join an ASCII space or punctuation into a larger character: split characters.
                    for word in lowercased.split(whereSeparator: isWordBoundary) where word.utf8.count > 2 {
                        WordSet.key(String(word)).withUnsafeBufferPointer { words.insert($0) }
                    }
                    continue
                }
                lower.removeAll(keepingCapacity: true)
                lower.append(contentsOf: lowercased.utf8)
            }
            // Characters are scalars, and an ASCII byte is always an ASCII scalar: split the bytes.
            lower.withUnsafeBufferPointer { lower in
                var start = 0
                for index in lower.indices where isWordBoundary(lower[index]) {
                    if index - start > 2 { words.insert(UnsafeBufferPointer(rebasing: lower[start..<index])) }
                    start = index + 1
                }
                if lower.count - start > 2 { words.insert(UnsafeBufferPointer(rebasing: lower[start...])) }
            }
        }
        return words
    }

    /// ``isWordBoundary(_:)-(Character)`` for a byte of UTF-8: bytes of non-ASCII scalars are word parts.
    private static func isWordBoundary(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: "-") && !byte.isASCIIDigitByte && !byte.isASCIILetter
    }

    /// Spaces and punctuation end a word; cheaper than asking every character whether it is a letter.
    private static func isWordBoundary(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii != UInt8(ascii: "-") && !(ascii >= 0x30 && ascii <= 0x39) && !(ascii >= 0x41 && ascii <= 0x5A)
            && !(ascii >= 0x61 && ascii <= 0x7A)
    }
}

/// A set of words kept as the UTF-8 of their NFC form in one buffer: many short words without a `String` each.
/// Two words are the same when their NFC forms are, which is when `String` calls them equal.
struct WordSet: Sendable {
    /// The words' bytes, one after another.
    private var bytes: [UInt8] = []
    /// Where each word is in ``bytes``.
    private var words: [Range<Int>] = []
    /// Open addressing with linear probing: a word's position in ``words`` plus one, or 0 for a free slot. The count
    /// is a power of two, at least twice the number of words.
    private var slots: [Int]

    /// An empty set with room for about `capacity` words before it grows.
    init(capacity: Int = 0) {
        var count = 16
        while count < capacity * 2 { count *= 2 }
        slots = Array(repeating: 0, count: count)
        bytes.reserveCapacity(capacity * 6)
        words.reserveCapacity(capacity)
    }

    /// The bytes a word is kept and looked up by: its UTF-8 when its scalars are standalone (see
    /// ``Unicode/Scalar/isStandalone``), which is then its NFC form; otherwise the UTF-8 of its NFC form.
    static func key(_ word: String) -> [UInt8] {
        word.hasStandaloneScalars ? Array(word.utf8) : Array(word.precomposedStringWithCanonicalMapping.utf8)
    }

    /// Adds a word given as the bytes of its NFC form.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) {
        if (words.count + 1) * 2 > slots.count { grow() }
        var slot = Self.hash(word) & (slots.count - 1)
        while slots[slot] != 0 {
            if holds(word, at: slots[slot] - 1) { return }
            slot = (slot + 1) & (slots.count - 1)
        }
        let start = bytes.count
        bytes.append(contentsOf: word)
        words.append(start..<bytes.count)
        slots[slot] = words.count
    }

    /// True when the set holds the word given as the bytes of its NFC form.
    func contains(_ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { word in
            var slot = Self.hash(word) & (slots.count - 1)
            while slots[slot] != 0 {
                if holds(word, at: slots[slot] - 1) { return true }
                slot = (slot + 1) & (slots.count - 1)
            }
            return false
        }
    }

    /// True when the word at `position` in ``words`` has exactly the bytes of `word`.
    private func holds(_ word: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let range = words[position]
        guard range.count == word.count else { return false }
        return bytes.withUnsafeBufferPointer { bytes in
            UnsafeBufferPointer(rebasing: bytes[range]).elementsEqual(word)
        }
    }

    /// The word's hash, randomly seeded per process as `Set`'s are, so crafted text cannot make words collide.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(word))
        return hasher.finalize()
    }

    /// Doubles the slots and puts every word in its new slot.
    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for position in words.indices {
            var slot = bytes[words[position]].withUnsafeBufferPointer { Self.hash($0) } & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = position + 1
        }
    }
}
