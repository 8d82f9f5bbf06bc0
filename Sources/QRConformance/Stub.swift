/// Placeholder.
enum _Stub {}
