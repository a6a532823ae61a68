void missing(void);
void _start(void) { missing(); }
