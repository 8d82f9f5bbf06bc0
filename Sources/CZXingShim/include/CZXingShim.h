#ifndef QRCONFORM_CZXINGSHIM_H
#define QRCONFORM_CZXINGSHIM_H
/* A C face for zxing-cpp 1.4 (C++), so Swift can call it: decode QR codes in an 8-bit grey buffer. */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** One QR code zxing-cpp read: its exact payload bytes (owned by the result list), EC level and corners. */
typedef struct qrc_zxing_symbol {
    uint8_t *bytes;
    size_t length;
    /** 'L', 'M', 'Q' or 'H'; 0 when zxing-cpp did not report it. */
    char ec_level;
    /** 1-40 when known; 0 otherwise (zxing-cpp 1.4 does not report the version). */
    int version;
    /** Corners top-left, top-right, bottom-right, bottom-left in image pixels (x0, y0, x1, y1, ...). */
    int corners[8];
} qrc_zxing_symbol;

/**
 * Decodes every QR code in `pixels` (`width` x `height`, rows `stride` bytes apart, 0 = black), never retrying
 * rotated or downscaled copies; `try_harder` is zxing-cpp's option of that name (a denser search for finder patterns).
 * Writes at most `capacity` symbols to `out` and returns how many were read (never more than `capacity`),
 * or -1 when the arguments are invalid or zxing-cpp threw. Each symbol's `bytes` must be released with
 * `qrc_zxing_free`.
 */
int qrc_zxing_decode(const uint8_t *pixels, int width, int height, int stride, int try_harder,
                     qrc_zxing_symbol *out, int capacity);

/** Releases the bytes of the first `count` symbols written by `qrc_zxing_decode`. */
void qrc_zxing_free(qrc_zxing_symbol *symbols, int count);

#ifdef __cplusplus
}
#endif
#endif
