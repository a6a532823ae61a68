extern int wdat __attribute__((weak));
int _start(void) { return &wdat ? wdat : -1; }
