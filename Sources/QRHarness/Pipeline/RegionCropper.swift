import QRConformance
import QRConformanceReports
import QRImaging
import QRSymbol
import QRText

/// Cuts the regions inconclusive display findings name (`Evidence.regions`) out of the screenshot for a reviewer,
/// the left half of each covered unless personal data is revealed.
public enum RegionCropper {
    /// The widest crop, in pixels; wider regions are subsampled by a whole factor.
    static let maximumWidth = 560

    public static func crops(image: GrayImage, findings: [Finding], revealPersonalData: Bool) -> [RegionCrop] {
        var rulesByBox: [RecognizedWord.Box: [String]] = [:]
        var order: [RecognizedWord.Box] = []
        for finding in findings where finding.outcome == .inconclusive {
            for box in finding.evidence.regions ?? [] {
                if rulesByBox[box] == nil { order.append(box) }
                rulesByBox[box, default: []].append(finding.rule)
            }
        }
        return order.compactMap { box in
            crop(image: image, box: box, rules: rulesByBox[box] ?? [], revealPersonalData: revealPersonalData)
        }
    }

    static func crop(image: GrayImage, box: RecognizedWord.Box, rules: [String], revealPersonalData: Bool)
        -> RegionCrop?
    {
        let pad = max(6, box.height / 2)
        let left = max(0, box.left - pad)
        let top = max(0, box.top - pad)
        let right = min(image.width, box.right + pad)
        let bottom = min(image.height, box.bottom + pad)
        guard right > left, bottom > top else { return nil }
        let step = max(1, (right - left + maximumWidth - 1) / maximumWidth)
        let width = (right - left + step - 1) / step
        let height = (bottom - top + step - 1) / step
        let coverEnd = box.left + box.width / 2
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let sourceX = left + x * step
                let sourceY = top + y * step
                let covered =
                    !revealPersonalData && sourceX >= box.left && sourceX < coverEnd && sourceY >= box.top
                    && sourceY < box.bottom
                pixels[y * width + x] = covered ? 128 : image.luma(x: sourceX, y: sourceY) ?? 255
            }
        }
        guard let crop = GrayImage(width: width, height: height, pixels: pixels),
            let png = try? PNGEncoder.encode(crop)
        else { return nil }
        return RegionCrop(
            rules: rules.sorted(), box: box, png: png, width: width, height: height, masked: !revealPersonalData)
    }
}
