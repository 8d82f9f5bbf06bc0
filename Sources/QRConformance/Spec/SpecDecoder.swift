/// Turns a parsed spec document into a `Spec`, collecting every shape problem instead of stopping at the first.
///
/// The checks mirror `spec/schema/rules.schema.json` so the suite needs no JSON Schema dependency.
struct SpecDecoder {
    private(set) var problems: [LintProblem] = []
    private static let idPrefixes = ["PAY-", "SYM-", "SIG-", "SUB-", "DSP-"]

    /// Decodes the whole document; nil when any problem was found.
    mutating func decode(_ root: JSONValue) -> Spec? {
        guard let object = root.objectValue else {
            problem("", nil, "the document must be a JSON object, found \(root.typeName)")
            return nil
        }
        checkKeys(
            object, at: "", required: ["format_version", "id", "version", "title", "rules"], optional: [], rule: nil)
        let formatVersion = integer(object["format_version"], at: "/format_version", rule: nil)
        let id = string(object["id"], at: "/id", rule: nil)
        let version = string(object["version"], at: "/version", rule: nil)
        let title = localized(object["title"], at: "/title", rule: nil)
        var rules: [SpecRule] = []
        if case .array(let items) = object["rules"] {
            var seen: Set<String> = []
            for (index, item) in items.enumerated() {
                let pointer = "/rules/\(index)"
                guard let rule = decodeRule(item, at: pointer) else { continue }
                if !seen.insert(rule.id).inserted {
                    problem(
                        pointer + "/id", rule.id, "duplicate rule id \(rule.id); rule ids are unique and never reused")
                }
                rules.append(rule)
            }
        } else if let value = object["rules"] {
            problem("/rules", nil, "must be an array, found \(value.typeName)")
        }
        guard problems.isEmpty, let formatVersion, let id, let version, let title else { return nil }
        return Spec(formatVersion: formatVersion, id: id, version: version, title: title, rules: rules)
    }

    private mutating func decodeRule(_ value: JSONValue, at pointer: String) -> SpecRule? {
        guard let object = value.objectValue else {
            problem(pointer, nil, "a rule must be an object, found \(value.typeName)")
            return nil
        }
        let id = string(object["id"], at: pointer + "/id", rule: nil)
        if let id, !Self.isRuleID(id) {
            problem(pointer + "/id", id, "rule id must look like PAY-001 (PAY, SYM, SIG, SUB or DSP, a dash, 3 digits)")
        }
        checkKeys(
            object, at: pointer, required: ["id", "area", "severity", "title", "source", "parameters"], optional: [],
            rule: id)
        let area = enumerated(object["area"], RuleArea.self, at: pointer + "/area", rule: id)
        let severity = enumerated(object["severity"], Severity.self, at: pointer + "/severity", rule: id)
        let title = localized(object["title"], at: pointer + "/title", rule: id)
        let source = decodeSource(object["source"], at: pointer + "/source", rule: id)
        var parameters: [String: SpecParameter] = [:]
        if let members = object["parameters"]?.objectValue {
            for name in members.keys.sorted() {
                if let value = members[name],
                    let parameter = decodeParameter(value, at: pointer + "/parameters/" + name, rule: id)
                {
                    parameters[name] = parameter
                }
            }
        } else if let value = object["parameters"] {
            problem(pointer + "/parameters", id, "must be an object, found \(value.typeName)")
        }
        guard let id, let area, let severity, let title, let source else { return nil }
        return SpecRule(id: id, area: area, severity: severity, title: title, source: source, parameters: parameters)
    }

    private mutating func decodeSource(_ value: JSONValue?, at pointer: String, rule: String?) -> RuleSource? {
        guard let value else { return nil }
        guard let object = value.objectValue else {
            problem(pointer, rule, "must be an object, found \(value.typeName)")
            return nil
        }
        if object["clause"] != nil {
            checkKeys(object, at: pointer, required: ["clause"], optional: ["note"], rule: rule)
            guard let clause = string(object["clause"], at: pointer + "/clause", rule: rule) else { return nil }
            let note = object["note"] == nil ? nil : string(object["note"], at: pointer + "/note", rule: rule)
            return .clause(clause, note: note)
        }
        checkKeys(object, at: pointer, required: ["interpretation", "reasoning"], optional: [], rule: rule)
        if let kind = string(object["interpretation"], at: pointer + "/interpretation", rule: rule),
            kind != "suite interpretation"
        {
            problem(pointer + "/interpretation", rule, "must be \"suite interpretation\"")
        }
        guard let reasoning = string(object["reasoning"], at: pointer + "/reasoning", rule: rule) else { return nil }
        return .interpretation(reasoning: reasoning)
    }

    private mutating func decodeParameter(_ value: JSONValue, at pointer: String, rule: String?) -> SpecParameter? {
        guard let object = value.objectValue else {
            problem(pointer, rule, "a parameter must be an object, found \(value.typeName)")
            return nil
        }
        checkKeys(
            object, at: pointer, required: ["type", "value"], optional: ["allowed", "unit", "description"], rule: rule)
        guard let type = enumerated(object["type"], ParameterType.self, at: pointer + "/type", rule: rule) else {
            return nil
        }
        let allowed = object["allowed"].flatMap { stringList($0, at: pointer + "/allowed", rule: rule) }
        if type == .enumeration, object["allowed"] == nil {
            problem(pointer, rule, "an enum parameter needs \"allowed\"")
        } else if type != .enumeration, type != .enumList, object["allowed"] != nil {
            problem(pointer + "/allowed", rule, "only enum and enum-list parameters take \"allowed\"")
        }
        let unit = object["unit"] == nil ? nil : string(object["unit"], at: pointer + "/unit", rule: rule)
        let description =
            object["description"] == nil ? nil : string(object["description"], at: pointer + "/description", rule: rule)
        guard let raw = object["value"],
            let parsed = ParameterValueParser.parse(raw, as: type, allowed: allowed)
        else {
            let found = object["value"]?.typeName ?? "nothing"
            problem(
                pointer + "/value", rule,
                "declared type \(type.rawValue) but the value is "
                    + ParameterValueParser.describe(object["value"], found: found, as: type)
            )
            return nil
        }
        return SpecParameter(type: type, value: parsed, allowed: allowed, unit: unit, description: description)
    }

    private mutating func localized(_ value: JSONValue?, at pointer: String, rule: String?) -> LocalizedText? {
        guard let value else { return nil }
        guard let object = value.objectValue else {
            problem(pointer, rule, "must be an object with vi and en, found \(value.typeName)")
            return nil
        }
        checkKeys(object, at: pointer, required: ["vi", "en"], optional: [], rule: rule)
        guard let vi = string(object["vi"], at: pointer + "/vi", rule: rule),
            let en = string(object["en"], at: pointer + "/en", rule: rule)
        else { return nil }
        return LocalizedText(vi: vi, en: en)
    }

    private mutating func checkKeys(
        _ object: [String: JSONValue], at pointer: String, required: [String], optional: [String], rule: String?
    ) {
        for key in required where object[key] == nil {
            problem(pointer, rule, "missing required key \"\(key)\"")
        }
        for key in object.keys.sorted() where !required.contains(key) && !optional.contains(key) {
            problem(pointer + "/" + key, rule, "unknown key \"\(key)\"")
        }
    }

    private mutating func string(_ value: JSONValue?, at pointer: String, rule: String?) -> String? {
        guard let value else { return nil }
        guard let text = value.stringValue, !text.isEmpty else {
            problem(pointer, rule, "must be a non-empty string, found \(value.typeName)")
            return nil
        }
        return text
    }

    private mutating func integer(_ value: JSONValue?, at pointer: String, rule: String?) -> Int? {
        guard let value else { return nil }
        guard case .integer(let number) = value else {
            problem(pointer, rule, "must be an integer, found \(value.typeName)")
            return nil
        }
        return number
    }

    private mutating func stringList(_ value: JSONValue, at pointer: String, rule: String?) -> [String]? {
        guard case .array(let items) = value else {
            problem(pointer, rule, "must be an array of strings, found \(value.typeName)")
            return nil
        }
        let strings = items.compactMap(\.stringValue)
        guard strings.count == items.count else {
            problem(pointer, rule, "must be an array of strings")
            return nil
        }
        return strings
    }

    private mutating func enumerated<E: RawRepresentable & CaseIterable>(
        _ value: JSONValue?, _: E.Type, at pointer: String, rule: String?
    ) -> E? where E.RawValue == String {
        guard let text = string(value, at: pointer, rule: rule) else { return nil }
        guard let result = E(rawValue: text) else {
            let choices = E.allCases.map(\.rawValue).joined(separator: ", ")
            problem(pointer, rule, "\"\(text)\" is not one of \(choices)")
            return nil
        }
        return result
    }

    /// True for ids like `PAY-001`: a known area prefix and three digits.
    static func isRuleID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard bytes.count == 7, Self.idPrefixes.contains(String(decoding: bytes[0..<4], as: UTF8.self)) else {
            return false
        }
        return bytes[4...].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private mutating func problem(_ pointer: String, _ rule: String?, _ message: String) {
        problems.append(LintProblem(pointer: pointer, ruleID: rule, message: message))
    }
}
