import ArgumentParser
import QRImaging

/// Input size limits shared by the commands that read images.
struct LimitOptions: ParsableArguments {
    @Option(help: "Refuse images with more pixels than this (checked from the header).")
    var maxPixels: Int = ImageLimits.default.maxPixels

    @Option(help: "Refuse image files larger than this many bytes.")
    var maxFileBytes: Int = ImageLimits.default.maxFileBytes

    var imageLimits: ImageLimits { ImageLimits(maxPixels: maxPixels, maxFileBytes: maxFileBytes) }
}
