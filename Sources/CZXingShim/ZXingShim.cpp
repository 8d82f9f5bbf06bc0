// The only C++ in qrconform: zxing-cpp's ReadBarcodes behind the C function of include/CZXingShim.h.
// Nothing here may throw across the C boundary: every exception becomes -1.
#include "CZXingShim.h"

#define ZX_USE_UTF8 1  // ecLevel() as std::string (zxing-cpp 1.4 warns without it)
#include <ZXing/ReadBarcode.h>

#include <cstdlib>
#include <cstring>
#include <exception>

extern "C" int qrc_zxing_decode(const uint8_t *pixels, int width, int height, int stride, int try_harder,
                                qrc_zxing_symbol *out, int capacity) {
    if (pixels == nullptr || out == nullptr || width <= 0 || height <= 0 || stride < width || capacity <= 0) {
        return -1;
    }
    try {
        ZXing::ImageView view(pixels, width, height, ZXing::ImageFormat::Lum, stride);
        ZXing::DecodeHints hints;
        hints.setFormats(ZXing::BarcodeFormat::QRCode);
        hints.setTryHarder(try_harder != 0);
        hints.setTryRotate(false);
        hints.setTryDownscale(false);
        hints.setMaxNumberOfSymbols(static_cast<uint8_t>(capacity > 255 ? 255 : capacity));
        const ZXing::Results results = ZXing::ReadBarcodes(view, hints);
        int count = 0;
        for (const auto &result : results) {
            if (count >= capacity) break;
            if (!result.isValid()) continue;
            const ZXing::ByteArray &bytes = result.bytes();
            qrc_zxing_symbol &symbol = out[count];
            symbol.length = bytes.size();
            symbol.bytes = static_cast<uint8_t *>(std::malloc(bytes.size() > 0 ? bytes.size() : 1));
            if (symbol.bytes == nullptr) {
                qrc_zxing_free(out, count);
                return -1;
            }
            if (!bytes.empty()) std::memcpy(symbol.bytes, bytes.data(), bytes.size());
            const std::string level = result.ecLevel();
            symbol.ec_level = level.size() == 1 ? level[0] : 0;
            symbol.version = 0;
            const auto &position = result.position();
            for (int i = 0; i < 4; ++i) {
                symbol.corners[2 * i] = position[i].x;
                symbol.corners[2 * i + 1] = position[i].y;
            }
            ++count;
        }
        return count;
    } catch (...) {
        return -1;
    }
}

extern "C" void qrc_zxing_free(qrc_zxing_symbol *symbols, int count) {
    if (symbols == nullptr) return;
    for (int i = 0; i < count; ++i) {
        std::free(symbols[i].bytes);
        symbols[i].bytes = nullptr;
        symbols[i].length = 0;
    }
}
