void weak_side_missing(void);
__attribute__((weak)) int dup(void) { weak_side_missing(); return 1; }
int _start(void) { return dup(); }
