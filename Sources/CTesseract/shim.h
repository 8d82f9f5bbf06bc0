#ifndef QRCONFORM_CTESSERACT_SHIM_H
#define QRCONFORM_CTESSERACT_SHIM_H
#include <dlfcn.h>
#include <tesseract/capi.h>

/*
 * libtesseract and what it links (libcurl, libarchive, leptonica and theirs, 56 libraries) cost 15-20 ms of CPU at
 * every process start, paid twice by a one-image `check` (driver and worker), while most runs never read text. So
 * the binary does not link it: it is opened with dlopen when a text recognizer is first made. Swift cannot name a
 * C function's type without linking the function, so the table of entry points is declared here, each field typed
 * by the header's own declaration.
 */
typedef struct {
    __typeof__(TessBaseAPICreate) *create;
    __typeof__(TessBaseAPIDelete) *destroy;
    __typeof__(TessBaseAPIEnd) *end;
    __typeof__(TessBaseAPIInit3) *init3;
    __typeof__(TessBaseAPISetPageSegMode) *setPageSegMode;
    __typeof__(TessBaseAPISetVariable) *setVariable;
    __typeof__(TessBaseAPIClear) *clear;
    __typeof__(TessBaseAPISetImage) *setImage;
    __typeof__(TessBaseAPIRecognize) *recognize;
    __typeof__(TessBaseAPIGetIterator) *getIterator;
    __typeof__(TessResultIteratorDelete) *resultIteratorDelete;
    __typeof__(TessResultIteratorGetPageIterator) *resultIteratorGetPageIterator;
    __typeof__(TessResultIteratorGetUTF8Text) *resultIteratorGetUTF8Text;
    __typeof__(TessResultIteratorConfidence) *resultIteratorConfidence;
    __typeof__(TessPageIteratorNext) *pageIteratorNext;
    __typeof__(TessPageIteratorBoundingBox) *pageIteratorBoundingBox;
    __typeof__(TessDeleteText) *deleteText;
} qrc_tesseract;

/* The library names tried, in order: the runtime soname of tesseract 5, then the development link. */
#define QRC_TESSERACT_LIBRARY "libtesseract.so.5"
#define QRC_TESSERACT_LIBRARY_DEV "libtesseract.so"

/*
 * Opens libtesseract (once per process: dlopen counts references) and fills `api`; returns 0 when the library or
 * an entry point is missing, with the fields not found left NULL. The library stays loaded for the process's life.
 */
static inline int qrc_tesseract_open(qrc_tesseract *api) {
    void *library = dlopen(QRC_TESSERACT_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (!library) library = dlopen(QRC_TESSERACT_LIBRARY_DEV, RTLD_NOW | RTLD_LOCAL);
    if (!library) return 0;
#define QRC_TESS_ENTRY(field, name) api->field = (__typeof__(api->field))dlsym(library, #name)
    QRC_TESS_ENTRY(create, TessBaseAPICreate);
    QRC_TESS_ENTRY(destroy, TessBaseAPIDelete);
    QRC_TESS_ENTRY(end, TessBaseAPIEnd);
    QRC_TESS_ENTRY(init3, TessBaseAPIInit3);
    QRC_TESS_ENTRY(setPageSegMode, TessBaseAPISetPageSegMode);
    QRC_TESS_ENTRY(setVariable, TessBaseAPISetVariable);
    QRC_TESS_ENTRY(clear, TessBaseAPIClear);
    QRC_TESS_ENTRY(setImage, TessBaseAPISetImage);
    QRC_TESS_ENTRY(recognize, TessBaseAPIRecognize);
    QRC_TESS_ENTRY(getIterator, TessBaseAPIGetIterator);
    QRC_TESS_ENTRY(resultIteratorDelete, TessResultIteratorDelete);
    QRC_TESS_ENTRY(resultIteratorGetPageIterator, TessResultIteratorGetPageIterator);
    QRC_TESS_ENTRY(resultIteratorGetUTF8Text, TessResultIteratorGetUTF8Text);
    QRC_TESS_ENTRY(resultIteratorConfidence, TessResultIteratorConfidence);
    QRC_TESS_ENTRY(pageIteratorNext, TessPageIteratorNext);
    QRC_TESS_ENTRY(pageIteratorBoundingBox, TessPageIteratorBoundingBox);
    QRC_TESS_ENTRY(deleteText, TessDeleteText);
#undef QRC_TESS_ENTRY
    return 1;
}

/* The reason of the last dlopen or dlsym failure, or NULL. */
static inline const char *qrc_tesseract_error(void) { return dlerror(); }
#endif
