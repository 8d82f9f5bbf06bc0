import Foundation

/// Keeps tesseract's OpenMP regions on the calling thread.
///
/// Debian's libtesseract is built with OpenMP and opens up to 4 threads per LSTM step; on a loaded machine, and
/// beside our own `--jobs` workers, their spinning makes OCR 5–7× slower than one thread (measured on the screen
/// corpus; tesseract-ocr/tesseract#3109). `OMP_THREAD_LIMIT` would do the same but is read only when libgomp
/// loads, before `main`, so the suite sets max-active-levels to 0 at run time instead: every parallel region then
/// runs with one thread. Parallelism comes from the worker processes.
enum OpenMPThreads {
    /// Makes OpenMP regions entered from this thread serial (the recognizer calls it before each page); does
    /// nothing when libgomp is not loaded. libtesseract is opened with `RTLD_LOCAL`, so libgomp is looked up by its
    /// soname (`RTLD_NOLOAD`: only if already loaded).
    static func runSerially() {
        guard let library = dlopen("libgomp.so.1", RTLD_NOW | RTLD_NOLOAD) ?? dlopen(nil, RTLD_NOW) else { return }
        defer { dlclose(library) }
        guard let symbol = dlsym(library, "omp_set_max_active_levels") else { return }
        typealias SetMaxActiveLevels = @convention(c) (Int32) -> Void
        unsafeBitCast(symbol, to: SetMaxActiveLevels.self)(0)
    }
}
