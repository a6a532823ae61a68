__attribute__((weak)) int wfoo(int);
int _start(void) { return wfoo ? wfoo(1) : 0; }
