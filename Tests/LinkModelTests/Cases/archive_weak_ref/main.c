__attribute__((weak)) void wfoo(void);
void _start(void) { if (wfoo) wfoo(); }
