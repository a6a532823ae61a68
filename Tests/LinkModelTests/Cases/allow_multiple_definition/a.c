int dup(void) { return 1; }
int _start(void) { return dup(); }
