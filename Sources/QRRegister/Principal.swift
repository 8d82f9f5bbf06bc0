/// Who a request acts for: the token it presented, or the token its browser session was opened with.
public struct Principal: Sendable, Equatable {
    public let tokenID: Int64
    public let role: ServiceRole
    /// The vendor a vendor token acts for; nil for officers.
    public let vendor: String?
    public let name: String

    public init(tokenID: Int64, role: ServiceRole, vendor: String?, name: String) {
        self.tokenID = tokenID
        self.role = role
        self.vendor = vendor
        self.name = name
    }
}
