/// Reads big-endian bit fields from a byte sequence without ever reading past its end.
struct BitReader {
    private let bytes: [UInt8]
    /// Bits consumed so far.
    private(set) var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Bits not yet consumed.
    var remaining: Int { bytes.count * 8 - position }

    /// The next `count` (0…32) bits as an integer, or nil (consuming nothing) when fewer remain.
    mutating func read(_ count: Int) -> Int? {
        guard count >= 0, count <= 32, count <= remaining else { return nil }
        var value = 0
        for _ in 0..<count {
            let byte = bytes[position >> 3]
            let bit = (Int(byte) >> (7 - (position & 7))) & 1
            value = (value << 1) | bit
            position += 1
        }
        return value
    }
}
