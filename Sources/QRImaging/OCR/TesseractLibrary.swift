internal import CTesseract

/// tesseract's C entry points, resolved from the library opened at run time.
///
/// The binary does not link libtesseract: loading it and the libraries it links costs 15–20 ms of CPU at every
/// process start, and only runs that read screen text need it (see `Sources/CTesseract/shim.h`). Each field is
/// typed by tesseract's own header, so a changed signature fails to compile.
struct TesseractLibrary {
    let create: @convention(c) () -> OpaquePointer?
    let destroy: @convention(c) (OpaquePointer?) -> Void
    let end: @convention(c) (OpaquePointer?) -> Void
    let init3: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32
    let setPageSegMode: @convention(c) (OpaquePointer?, TessPageSegMode) -> Void
    let setVariable: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32
    let clear: @convention(c) (OpaquePointer?) -> Void
    let setImage: @convention(c) (OpaquePointer?, UnsafePointer<UInt8>?, Int32, Int32, Int32, Int32) -> Void
    let recognize: @convention(c) (OpaquePointer?, OpaquePointer?) -> Int32
    let getIterator: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let resultIteratorDelete: @convention(c) (OpaquePointer?) -> Void
    let resultIteratorGetPageIterator: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let resultIteratorGetUTF8Text:
        @convention(c) (OpaquePointer?, TessPageIteratorLevel) -> UnsafeMutablePointer<CChar>?
    let resultIteratorConfidence: @convention(c) (OpaquePointer?, TessPageIteratorLevel) -> Float
    let pageIteratorNext: @convention(c) (OpaquePointer?, TessPageIteratorLevel) -> Int32
    let pageIteratorBoundingBox:
        @convention(c) (
            OpaquePointer?, TessPageIteratorLevel, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?,
            UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?
        ) -> Int32
    let deleteText: @convention(c) (UnsafePointer<CChar>?) -> Void

    /// Opens libtesseract (dlopen counts references, so a second recognizer reuses the loaded library) and
    /// resolves every entry point; the reason from the dynamic loader when the library or one of them is missing.
    static func open() -> Result<TesseractLibrary, TesseractLoadFailure> {
        var table = qrc_tesseract()
        let opened = qrc_tesseract_open(&table) != 0
        guard opened, let create = table.create, let destroy = table.destroy, let end = table.end,
            let init3 = table.init3, let setPageSegMode = table.setPageSegMode, let setVariable = table.setVariable,
            let clear = table.clear, let setImage = table.setImage, let recognize = table.recognize,
            let getIterator = table.getIterator, let resultIteratorDelete = table.resultIteratorDelete,
            let resultIteratorGetPageIterator = table.resultIteratorGetPageIterator,
            let resultIteratorGetUTF8Text = table.resultIteratorGetUTF8Text,
            let resultIteratorConfidence = table.resultIteratorConfidence,
            let pageIteratorNext = table.pageIteratorNext, let pageIteratorBoundingBox = table.pageIteratorBoundingBox,
            let deleteText = table.deleteText
        else {
            let reason = qrc_tesseract_error().map { String(cString: $0) } ?? "an entry point is missing"
            return .failure(TesseractLoadFailure(reason: reason))
        }
        return .success(
            TesseractLibrary(
                create: create, destroy: destroy, end: end, init3: init3, setPageSegMode: setPageSegMode,
                setVariable: setVariable, clear: clear, setImage: setImage, recognize: recognize,
                getIterator: getIterator,
                resultIteratorDelete: resultIteratorDelete,
                resultIteratorGetPageIterator: resultIteratorGetPageIterator,
                resultIteratorGetUTF8Text: resultIteratorGetUTF8Text,
                resultIteratorConfidence: resultIteratorConfidence,
                pageIteratorNext: pageIteratorNext, pageIteratorBoundingBox: pageIteratorBoundingBox,
                deleteText: deleteText))
    }
}

/// The dynamic loader's reason why libtesseract could not be opened.
struct TesseractLoadFailure: Error {
    let reason: String
}
