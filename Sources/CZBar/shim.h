#ifndef QRCONFORM_CZBAR_SHIM_H
#define QRCONFORM_CZBAR_SHIM_H
#include <zbar.h>
#endif
