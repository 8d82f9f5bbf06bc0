#ifndef QRCONFORM_CZXING_SHIM_H
#define QRCONFORM_CZXING_SHIM_H
/* zxing-cpp's headers are C++ and cannot be imported into Swift; this system-library target only carries the
   pkg-config flags (`zxing`) and the link to libZXing for CZXingShim, which wraps it in a C function. */
#endif
