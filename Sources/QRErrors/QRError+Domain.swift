extension QRError {
    /// What an error is about; each domain is declared as a static member next to its codes.
    public struct Domain: Hashable, Sendable {
        /// A name for the domain, e.g. `spec`.
        public let name: String
        /// The words put before the file in the description (`trust list `), empty when the file name says enough.
        public let fileLabel: String

        public init(_ name: String, fileLabel: String = "") {
            self.name = name
            self.fileLabel = fileLabel
        }
    }
}
