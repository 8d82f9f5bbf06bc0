#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver, from the runtime that -sanitize=fuzzer links: qrfuzz's entry point calls it, since SwiftPM
// points an executable's `main` at `<module>_main` and libFuzzer's own `main` may then not be the one that runs.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
