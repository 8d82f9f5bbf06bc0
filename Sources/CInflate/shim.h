#ifndef QRCONFORM_CINFLATE_SHIM_H
#define QRCONFORM_CINFLATE_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro Swift cannot import; raw deflate (no zlib header), as zip entries hold it.
static inline int qrc_inflate_init_raw(z_stream *stream) { return inflateInit2(stream, -MAX_WBITS); }

#endif
