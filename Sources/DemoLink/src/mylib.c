// The library the application meant to call.
int mylibrary_init(int flags) { return flags & 1 ? 0 : 1; }
int mylibrary_version(void) { return 3; }
