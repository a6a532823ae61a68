void missing(void);
int dup(void) { return 1; }
void _start(void) { missing(); }
