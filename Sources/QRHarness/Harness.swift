/// The harness: runs the imaging, measurement and conformance layers over files, one image at a time or in batches.
public enum Harness {
    /// The tool's name and version as reports show them.
    public static let toolName = "qrconform"
    public static let toolVersion = "0.1.0"
}
