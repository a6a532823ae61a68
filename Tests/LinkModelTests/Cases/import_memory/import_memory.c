void missing(int);
void _start(void) { missing(1); }
