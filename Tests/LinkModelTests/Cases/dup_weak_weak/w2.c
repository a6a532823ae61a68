void second_missing(void);
__attribute__((weak)) int dup(void) { second_missing(); return 2; }
