void ctor_missing(void);
__attribute__((constructor)) static void init(void) { ctor_missing(); }
