extern int wdata __attribute__((weak));
int _start(void) { return &wdata ? wdata : 0; }
