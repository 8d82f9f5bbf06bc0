/// Encodes a module matrix compactly as its size and the row-major modules packed 4 to a hex digit (dark = 1).
extension ModuleMatrix: Codable {
    enum CodingKeys: String, CodingKey {
        case size
        case hex
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let size = try container.decode(Int.self, forKey: .size)
        let hex = try container.decode(String.self, forKey: .hex)
        var modules: [Bool] = []
        modules.reserveCapacity(hex.count * 4)
        for character in hex {
            guard let nibble = character.hexDigitValue else {
                throw DecodingError.dataCorruptedError(forKey: .hex, in: container, debugDescription: "not hex")
            }
            for bit in (0..<4).reversed() { modules.append(nibble >> bit & 1 == 1) }
        }
        let (count, overflow) = size.multipliedReportingOverflow(by: size)
        guard !overflow, count >= 0, count <= modules.count, modules.count - count < 4,
            let matrix = ModuleMatrix(size: size, modules: Array(modules.prefix(count)))
        else {
            throw DecodingError.dataCorruptedError(forKey: .size, in: container, debugDescription: "bad size")
        }
        self = matrix
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(size, forKey: .size)
        let digits = Array("0123456789abcdef")
        var hex = ""
        hex.reserveCapacity(modules.count / 4 + 1)
        var index = 0
        while index < modules.count {
            var nibble = 0
            for bit in 0..<4 {
                nibble <<= 1
                if index + bit < modules.count, modules[index + bit] { nibble |= 1 }
            }
            hex.append(digits[nibble])
            index += 4
        }
        try container.encode(hex, forKey: .hex)
    }
}
