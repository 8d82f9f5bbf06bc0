import Foundation
import QRConformance
import Testing

/// A report's symbol entry reads back as the same typed value, so `merge` keeps every member of a shard's rows.
@Suite struct SymbolReportTests {
    @Test("a measured symbol's entry decodes and encodes back to the same members")
    func roundTrip() throws {
        let symbol = try TestSupport.reportSymbol()
        #expect(symbol.measurement?.version == 8)
        #expect(symbol.payload == nil)
        #expect(symbol.corners.count == 4)
        let encoded = try JSONEncoder().encode(symbol)
        #expect(try JSONDecoder().decode(SymbolReport.self, from: encoded) == symbol)
        let again = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
        let original = try JSONSerialization.jsonObject(with: Data(TestSupport.reportSymbolJSON.utf8)) as? NSDictionary
        #expect(again == original)
    }

    @Test("numbers are rounded to 4 decimals, whole ones written as integers, and a non-finite one as null")
    func numbers() throws {
        let cases: [(Double, String)] = [
            (1.23456, "1.2346"), (8.00001, "8"), (-0.00001, "0"), (.nan, "null"),
            (.infinity, "null"), (392, "392"),
        ]
        for (value, text) in cases {
            #expect(String(decoding: try JSONEncoder().encode([ReportNumber(value)]), as: UTF8.self) == "[\(text)]")
        }
    }
}
