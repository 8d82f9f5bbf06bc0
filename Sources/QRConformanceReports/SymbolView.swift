import Foundation
import QRConformance
import QRSymbol

/// How reports show one symbol: zbar's reading, our measurement and our codeword reading, as one JSON object.
///
/// `check` and `certify` leave the payload (and the module matrix, which encodes it) out unless personal data is to
/// be revealed; `decode` shows it, unless revealed (`maskedPayload`) as masked text only, without `data_b64`.
public enum SymbolView {
    public static func json(_ symbol: InspectedSymbol, includePayload: Bool, maskedPayload: Bool = false) -> JSONValue {
        var object: [String: JSONValue] = [:]
        let scanned = symbol.scanned
        object["symbology"] = .string(scanned.symbology)
        object["polarity"] = .string(scanned.polarity.rawValue)
        object["polygon"] = .array(symbol.corners.map { .array([number($0.x), number($0.y)]) })
        object["zbar_polygon"] = .array(scanned.corners.map { .array([number($0.x), number($0.y)]) })
        if includePayload {
            if maskedPayload {
                // The bytes would show what the text masks; whatever the shape, the text is scrubbed too.
                object["data_b64"] = .null
                let text = PayloadMasking.maskedText(scanned.data) ?? scanned.text
                object["text"] = text.map { .string(PersonalDataScrubber.scrub($0)) } ?? .null
            } else {
                object["data_b64"] = .string(Data(scanned.data).base64EncodedString())
                object["text"] = scanned.text.map(JSONValue.string) ?? .null
            }
            object["payload_sha256"] = .string(Hashing.sha256Hex(scanned.data))
        }
        switch symbol.measurement {
        case .success(let measurement):
            for (key, value) in encoded(measurement) where key != "modules" && key != "corners" && key != "polarity" {
                object[key] = value
            }
            object["measurement_error"] = .null
        case .failure(let failure):
            object["measurement_error"] = .string(failure.description)
        }
        if let reading = symbol.codewords {
            var codewords = encoded(reading)
            codewords["payload"] = nil
            object["segments"] = codewords["segments"] ?? .array([])
            object["uec"] = codewords["uec"] ?? .null
            object["decoders_agree"] = .bool(reading.agrees(with: scanned.data))
            object["codewords"] = .object(codewords.filter { $0.key != "segments" && $0.key != "uec" })
        } else {
            object["segments"] = .null
            object["uec"] = .null
            object["decoders_agree"] = .null
            object["codewords"] = .null
        }
        return .object(object)
    }

    /// A value's JSON members with numbers rounded to 4 decimals, so float noise never changes a report.
    static func encoded<T: Encodable>(_ value: T) -> [String: JSONValue] {
        guard let data = try? JSONEncoder().encode(value),
            let decoded = try? JSONDecoder().decode(JSONValue.self, from: data),
            case .object(let members) = rounded(decoded)
        else { return [:] }
        return members
    }

    static func rounded(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let n): number(n)
        case .array(let items): .array(items.map(rounded))
        case .object(let members): .object(members.mapValues(rounded))
        default: value
        }
    }

    static func number(_ n: Double) -> JSONValue {
        guard n.isFinite else { return .null }
        let r = (n * 10_000).rounded() / 10_000
        if r == r.rounded(), abs(r) < 1e15 { return .integer(Int(r)) }
        return .number(r)
    }
}
