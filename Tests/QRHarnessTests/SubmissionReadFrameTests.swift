import Foundation
import QRConformance
import Testing

@testable import QRHarness

@Suite("the frame a submission-reading worker answers")
struct SubmissionReadFrameTests {
    static let contents = SubmissionContents(
        source: "sub.zip", manifest: Array("{}".utf8), files: ["screens/a.png": [0, 1, 255], "empty": []])

    @Test(
        "contents and errors cross the process boundary unchanged",
        arguments: [
            Result<SubmissionContents, SubmissionError>.success(contents),
            .success(SubmissionContents(source: "folder", manifest: nil, files: [:])),
            .failure(SubmissionError.submission(code: .corruptZip, path: "x.zip", cause: "bad CRC")),
            .failure(
                SubmissionError.submission(code: .invalid, path: "m.json", pointer: "/screenshots/0", cause: "no file")),
        ])
    func roundTrip(_ result: Result<SubmissionContents, SubmissionError>) {
        #expect(SubmissionReadFrame.decode(SubmissionReadFrame(result).encoded()) == result)
    }

    @Test(
        "bytes that are not a whole frame read as no frame (the worker died part way or wrote something else)",
        arguments: [
            Data(SubmissionReadFrame(.success(contents)).encoded().dropLast()),
            Data(),
            Data(#"{"failure":{"code":"no-such-code","path":"p","cause":"c"}}"#.utf8),
            Data(#"{}"#.utf8),
        ])
    func notAFrame(_ bytes: Data) {
        #expect(SubmissionReadFrame.decode(bytes) == nil)
    }
}
