#ifndef QRCONFORM_CDEFLATE_SHIM_H
#define QRCONFORM_CDEFLATE_SHIM_H
#include <libdeflate.h>

#endif
