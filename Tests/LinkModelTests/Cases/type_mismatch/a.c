int dup(void) { return 1; }
void missing(void);
void _start(void) { missing(); }
