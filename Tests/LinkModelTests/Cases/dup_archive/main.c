int dup(void) { return 1; }
void missing(void);
int _start(void) { missing(); return dup(); }
