#ifndef QRCONFORM_CLIBPNG_SHIM_H
#define QRCONFORM_CLIBPNG_SHIM_H
#include <png.h>
#include <string.h>

/// PNG_FORMAT_GRAY is a macro Swift imports, but keep the format we decode to in one place.
static inline png_uint_32 qrc_png_format_gray(void) { return PNG_FORMAT_GRAY; }

/// 16-bit linear gray with (premultiplied) alpha, for 16-bit files whose samples libpng treats as linear.
static inline png_uint_32 qrc_png_format_linear_gray_alpha(void) { return PNG_FORMAT_LINEAR_Y_ALPHA; }

/// PNG_IMAGE_SIZE is a compound macro that Swift cannot import.
static inline size_t qrc_png_image_size(const png_image *image) { return PNG_IMAGE_SIZE(*image); }

/// Row stride for an 8-bit one-channel image; PNG_IMAGE_ROW_STRIDE is not importable either.
static inline png_int_32 qrc_png_row_stride(const png_image *image) { return (png_int_32)PNG_IMAGE_ROW_STRIDE(*image); }

/// True when the last operation failed (PNG_IMAGE_FAILED is a macro).
static inline int qrc_png_failed(const png_image *image) { return PNG_IMAGE_FAILED(*image) ? 1 : 0; }

#endif
