import Foundation
import QRImaging
import QRSymbol
import Testing

/// OCR time per display-vector screenshot; runs only under scripts/bench-ocr (QRCONFORM_BENCH_OCR=1).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["QRCONFORM_BENCH_OCR"] == "1"))
struct TextRecognizerBenchmark {
    @Test func timePerScreenshot() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("TestVectors/display")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".png") }
            .sorted()
        let recognizer = try TextRecognizer()
        let clock = ContinuousClock()
        var total = Duration.zero
        for file in files {
            let image = try ImageFile.load(path: directory.appendingPathComponent(file).path).image
            let corners = try #require(QRScanner()).scan(image).map(\.corners)
            let elapsed = clock.measure { _ = recognizer.recognize(image, blanking: corners) }
            total += elapsed
            print("ocr \(file) \(image.width)x\(image.height): \(elapsed.formatted(.units(allowed: [.milliseconds])))")
        }
        let mean = total / max(1, files.count)
        print("total \(files.count) screenshots, mean \(mean.formatted(.units(allowed: [.milliseconds]))) per screenshot")
        #expect(mean < .milliseconds(1500))
    }
}
