#ifndef QRCONFORM_CTESSERACT_SHIM_H
#define QRCONFORM_CTESSERACT_SHIM_H
#include <tesseract/capi.h>
#endif
