void _start(void) {}
