extension CodewordReading {
    /// Whether zbar (with `ZBAR_CFG_BINARY`) would report exactly `zbarBytes` for this symbol.
    ///
    /// Rebuilds zbar's text from our segments: FNC1 turns alphanumeric '%' into GS (0x1D) and "%%" into
    /// '%', FNC1 in second position prefixes the application indicator, and byte/Kanji data after ECI 1 or 3
    /// (ISO 8859-1) is transcoded to UTF-8. Other ECI character sets are compared untranscoded.
    public func agrees(with zbarBytes: [UInt8]) -> Bool {
        guard status == .ok, let payload else { return false }
        return zbarView(of: payload) == zbarBytes
    }

    /// The bytes zbar would emit for `payload` given `segments`.
    func zbarView(of payload: [UInt8]) -> [UInt8] {
        let fnc1 = segments.contains { $0.mode == .fnc1First || $0.mode == .fnc1Second }
        var output: [UInt8] = []
        if let second = segments.first(where: { $0.mode == .fnc1First || $0.mode == .fnc1Second }),
            second.mode == .fnc1Second, let indicator = second.applicationIndicator
        {
            if indicator < 100 {
                output += [UInt8(0x30 + indicator / 10), UInt8(0x30 + indicator % 10)]
            } else {
                output.append(UInt8(truncatingIfNeeded: indicator - 100))
            }
        }
        var latin1 = false
        var cursor = 0
        for segment in segments {
            let length: Int
            switch segment.mode {
            case .numeric, .alphanumeric, .byte: length = segment.charCount
            case .kanji: length = 2 * segment.charCount
            case .eci:
                if let designator = segment.eciDesignator, designator <= 18 || designator == 20 || designator == 26 {
                    latin1 = designator == 1 || designator == 3
                }
                continue
            default: continue
            }
            let end = min(cursor + length, payload.count)
            let bytes = payload[cursor..<end]
            cursor = end
            switch segment.mode {
            case .alphanumeric where fnc1: output += Self.unescapeFNC1(bytes)
            case .byte, .kanji: output += latin1 ? Self.utf8(fromLatin1: bytes) : Array(bytes)
            default: output += bytes
            }
        }
        return output
    }

    static func unescapeFNC1(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        var pendingPercent = false
        for byte in bytes {
            if pendingPercent {
                pendingPercent = false
                if byte == 0x25 {
                    output.append(0x25)
                    continue
                }
                output.append(0x1D)
            }
            if byte == 0x25 { pendingPercent = true } else { output.append(byte) }
        }
        if pendingPercent { output.append(0x1D) }
        return output
    }

    static func utf8(fromLatin1 bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else {
                output += [0xC0 | byte >> 6, 0x80 | byte & 0x3F]
            }
        }
        return output
    }
}
